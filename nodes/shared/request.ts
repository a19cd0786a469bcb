import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { buildApiError, redactText, type ProviderErrorInfo } from './errors';
import {
	DEFAULT_RETRY_POLICY,
	decideWait,
	describeWait,
	headerValue,
	parseRetryAfter,
	type RetryPolicy,
} from './retry';

export type RequestContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface HttpResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** How a provider reads one response. */
export type Verdict =
	| { outcome: 'success'; slowDownMs?: number }
	| {
			outcome: 'retry';
			/** Said in logs and in the final error when retries run out. */
			reason: string;
			/**
			 * A wait the provider stated or implied (Retry-After, a usage header);
			 * over the user's cap it fails at once, saying when access returns.
			 * Without it: exponential backoff with full jitter.
			 */
			waitMs?: number;
	  }
	| { outcome: 'fail' };

export interface Provider {
	/** Display name used in messages, e.g. "Haiilo Share". */
	name: string;
	credentialType: string;
	/** Defaults to `defaultClassify`: 2xx success, 408/429/5xx retried, the rest fail. */
	classify?(response: HttpResponse): Verdict;
	/** The provider's words for a failed response, with a plain hint. */
	describeError(response: HttpResponse): ProviderErrorInfo;
	retry?: Partial<Omit<RetryPolicy, 'maxWaitMs'>>;
	/** Credential fields whose values are redacted from every message. */
	secretFields?: string[];
}

export interface RequestSettings {
	/** The node option capping the longest wait on a throttle. */
	maxWaitMs?: number;
	itemIndex?: number;
	/** Secrets of this call that are not credential fields (e.g. a key given as a node option). */
	secrets?: string[];
}

/** Clock, randomness and sleep, replaceable by unit tests. */
export const requestDeps = {
	sleep: (ms: number): Promise<void> => sleep(ms),
	now: (): number => Date.now(),
	random: (): number => Math.random(),
};

const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

export function retryAfterMs(response: HttpResponse, now = requestDeps.now()): number | undefined {
	return parseRetryAfter(headerValue(response.headers, 'retry-after'), now);
}

export function defaultClassify(response: HttpResponse): Verdict {
	const { statusCode } = response;
	if (statusCode >= 200 && statusCode < 300) return { outcome: 'success' };
	if (statusCode === 429) {
		return { outcome: 'retry', reason: 'rate limited (HTTP 429)', waitMs: retryAfterMs(response) };
	}
	if (statusCode === 408 || statusCode >= 500) {
		return { outcome: 'retry', reason: `HTTP ${statusCode}`, waitMs: retryAfterMs(response) };
	}
	return { outcome: 'fail' };
}

// Pacing asked for by a provider (usage headers near their limit) lasts for the
// whole node run, so it is kept per execution context.
const notBeforeByContext = new WeakMap<object, number>();
const secretsByContext = new WeakMap<object, Map<string, string[]>>();

async function credentialSecrets(ctx: RequestContext, provider: Provider): Promise<string[]> {
	if (!provider.secretFields?.length) return [];
	let perType = secretsByContext.get(ctx);
	if (!perType) {
		perType = new Map();
		secretsByContext.set(ctx, perType);
	}
	const cached = perType.get(provider.credentialType);
	if (cached) return cached;
	let secrets: string[] = [];
	try {
		const credentials = await ctx.getCredentials(provider.credentialType);
		secrets = provider.secretFields
			.map((field) => credentials[field])
			.filter((value): value is string => typeof value === 'string' && value.length > 0);
	} catch {
		secrets = [];
	}
	perType.set(provider.credentialType, secrets);
	return secrets;
}

function parseBody(body: unknown): { ok: true; value: unknown } | { ok: false } {
	if (typeof body !== 'string') return { ok: true, value: body };
	const trimmed = body.trim();
	if (trimmed === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(trimmed) };
	} catch {
		return { ok: false };
	}
}

function networkErrorCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && /^[A-Z_]+$/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	const message = String((error as Error)?.message ?? '');
	if (/socket hang up/i.test(message)) return 'ECONNRESET';
	if (/timeout/i.test(message)) return 'ETIMEDOUT';
	return undefined;
}

/**
 * The one request function: sends through n8n's credential helper, retries
 * transient failures with backoff, honours stated waits up to the user's cap,
 * and turns failures into redacted NodeApiErrors.
 */
export async function sendRequest(
	ctx: RequestContext,
	provider: Provider,
	options: IHttpRequestOptions,
	settings: RequestSettings = {},
): Promise<HttpResponse> {
	const policy: RetryPolicy = {
		...DEFAULT_RETRY_POLICY,
		...provider.retry,
		maxWaitMs: settings.maxWaitMs ?? DEFAULT_RETRY_POLICY.maxWaitMs,
	};
	const classify = provider.classify ?? defaultClassify;
	const secrets = [...(await credentialSecrets(ctx, provider)), ...(settings.secrets ?? [])];
	const node = ctx.getNode();
	const fail = (info: ProviderErrorInfo, response?: HttpResponse): NodeApiError =>
		buildApiError(node, {
			...info,
			providerName: provider.name,
			httpCode: response?.statusCode,
			body: response?.body,
			itemIndex: settings.itemIndex,
			secrets,
		});

	for (let attempt = 0; ; attempt++) {
		const notBefore = notBeforeByContext.get(ctx) ?? 0;
		// Pacing never waits longer than the user's cap allows.
		const pause = Math.min(notBefore - requestDeps.now(), policy.maxWaitMs);
		if (pause > 0) await requestDeps.sleep(pause);

		let response: HttpResponse;
		let verdict: Verdict;
		try {
			const raw = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, provider.credentialType, {
				json: true,
				...options,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number; headers?: IDataObject; body: unknown };
			const parsed = parseBody(raw.body);
			response = { statusCode: raw.statusCode, headers: raw.headers ?? {}, body: parsed.ok ? parsed.value : raw.body };
			verdict = parsed.ok
				? classify(response)
				: response.statusCode >= 200 && response.statusCode < 300
					? { outcome: 'retry', reason: 'the response was not valid JSON' }
					: classify(response);
		} catch (error) {
			const code = networkErrorCode(error);
			if (!code || !TRANSIENT_NETWORK_CODES.has(code)) {
				throw fail({
					message: `Could not reach ${provider.name}: ${redactText(String((error as Error).message ?? error), secrets)}`,
					code,
					hint: 'Check the Base URL in the credential, and any proxy between n8n and the provider.',
				});
			}
			const decision = decideWait(attempt, undefined, policy, requestDeps.now(), requestDeps.random);
			if (decision.kind !== 'wait') {
				throw fail({
					message: `Could not reach ${provider.name}: the connection failed (${code}) ${attempt + 1} times`,
					code,
					hint: 'The provider or the network is having trouble. Try again later.',
				});
			}
			ctx.logger?.debug(`${provider.name}: network error ${code}, retrying in ${decision.waitMs} ms`);
			await requestDeps.sleep(decision.waitMs);
			continue;
		}

		if (verdict.outcome === 'success') {
			if (verdict.slowDownMs && verdict.slowDownMs > 0) {
				notBeforeByContext.set(ctx, requestDeps.now() + verdict.slowDownMs);
			}
			return response;
		}
		if (verdict.outcome === 'fail') {
			throw fail(provider.describeError(response), response);
		}

		const decision = decideWait(attempt, verdict.waitMs, policy, requestDeps.now(), requestDeps.random);
		if (decision.kind === 'wait') {
			ctx.logger?.debug(`${provider.name}: ${verdict.reason}, retrying in ${decision.waitMs} ms`);
			await requestDeps.sleep(decision.waitMs);
			continue;
		}
		const described = provider.describeError(response);
		if (decision.kind === 'tooLong') {
			throw fail(
				{
					...described,
					message: `${described.message} - ${provider.name} asks to wait ${describeWait(decision.waitMs)}, until ${decision.accessReturnsAt.toISOString()}`,
					hint: `Access returns at ${decision.accessReturnsAt.toISOString()}. That is longer than this node's "Max Wait on Rate Limit" option (${Math.round(policy.maxWaitMs / 1000)} s): run the workflow after that time, or raise the option.${described.hint ? ` ${described.hint}` : ''}`,
				},
				response,
			);
		}
		const malformed = typeof response.body === 'string' && !parseBody(response.body).ok;
		throw fail(
			{
				...described,
				message: malformed
					? `${provider.name} returned a response that is not valid JSON (HTTP ${response.statusCode}), ${attempt + 1} times`
					: `${described.message} (gave up after ${attempt + 1} attempts: ${verdict.reason})`,
			},
			response,
		);
	}
}
