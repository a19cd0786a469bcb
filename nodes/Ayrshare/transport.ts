import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
} from 'n8n-workflow';

import { maxWaitMsFrom } from '../shared/descriptions';
import { buildApiError, REDACTED, type ProviderErrorInfo } from '../shared/errors';
import {
	requestDeps,
	retryAfterMs,
	sendRequest,
	type HttpResponse,
	type Provider,
	type Verdict,
} from '../shared/request';
import { describeWait, headerValue } from '../shared/retry';
import { exhaustedForMs, rateLimitWaitMs } from './rateLimit';
import { isFailedCall, isPlainObject } from './responses';

export const CREDENTIAL_TYPE = 'ayrshareApi';
export const PROVIDER_NAME = 'Ayrshare';
export const DEFAULT_BASE_URL = 'https://api.ayrshare.com/api';
export const SECRET_FIELDS = ['apiKey', 'profileKey'];

/** The credential's Base URL without trailing slashes; empty means Ayrshare's own host. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const value = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return (value || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

function errorText(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (isPlainObject(value) && typeof value.message === 'string') return value.message;
	return undefined;
}

function plainHint(statusCode: number): string | undefined {
	switch (statusCode) {
		case 400:
			return 'Ayrshare did not accept the request: check the IDs and the platform names.';
		case 401:
			return 'Check the API key in the Ayrshare credential (Ayrshare dashboard > API Key). A Profile Key must belong to the same account as the API key.';
		case 402:
			return 'Your Ayrshare plan does not include this feature: analytics need a Premium or Business plan, and analytics by social post ID need a Business plan.';
		case 403:
			return 'Ayrshare refused access. Check that the API key is right, that the plan includes analytics (Premium or Business; by social post ID: Business), and that the profile is not suspended (Ayrshare suspends a profile after 1,000 rate-limited calls in 24 hours).';
		case 404:
			return 'Ayrshare found no such post. Get Post takes the top-level Ayrshare post ID (the "id" of History > Get Many), not the networks\' IDs in "postIds"; for those use Get by Social ID.';
		case 429:
			return 'Ayrshare allows about 250-300 calls per 5 minutes per profile. The node retries a rate-limited call only once, because Ayrshare suspends a profile after 1,000 rate-limited calls in 24 hours.';
		default:
			return statusCode >= 500 ? 'Ayrshare or the social network is having trouble. Try again later.' : undefined;
	}
}

/** Ayrshare's own words for a failed call (`{ status: "error", code, message }` or `errors: [...]`). */
export function describeAyrshareError(response: HttpResponse): ProviderErrorInfo {
	const body = isPlainObject(response.body) ? response.body : {};
	const listed = Array.isArray(body.errors) ? body.errors.filter(isPlainObject) : [];
	const listedMessages = listed
		.map((error) => {
			const text = errorText(error.message) ?? errorText(error.error);
			if (!text) return undefined;
			return typeof error.platform === 'string' ? `${error.platform}: ${text}` : text;
		})
		.filter((text): text is string => text !== undefined);
	const message =
		errorText(body.message) ??
		(listedMessages.length ? listedMessages.join('; ') : undefined) ??
		errorText(body.error) ??
		(typeof response.body === 'string' && response.body.trim() && response.body.length < 300 ? response.body.trim() : undefined) ??
		`Ayrshare answered HTTP ${response.statusCode}`;
	const nested = isPlainObject(body.error) ? body.error : {};
	const code = body.code ?? listed[0]?.code ?? nested.code;
	const requestId =
		headerValue(response.headers, 'x-request-id') ??
		headerValue(response.headers, 'x-amzn-requestid') ??
		(typeof body.requestId === 'string' ? body.requestId : undefined);
	return {
		message,
		code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
		requestId,
		hint: plainHint(response.statusCode),
	};
}

function withoutSecret(value: unknown, secret: string): unknown {
	if (typeof value === 'string') return value.includes(secret) ? value.split(secret).join(REDACTED) : value;
	if (Array.isArray(value)) return value.map((inner) => withoutSecret(inner, secret));
	if (isPlainObject(value)) {
		return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutSecret(inner, secret)]));
	}
	return value;
}

// In a successful answer only a secret long enough not to be ordinary text is
// taken out (a short test key must not blank out words of post texts).
const MIN_SECRET_IN_DATA = 8;
const MIN_SECRET_IN_ERROR = 4;

/**
 * Ayrshare's provider for the shared `sendRequest`: a call fails when the HTTP
 * status is not 2xx or when `status` is "error" with nothing per platform (a
 * partial failure inside a 200 is read by the operation). 429 and 5xx are
 * retried once at most; `onWindow` learns when the profile may call again.
 */
export function ayrshareProvider(
	onWindow: (notBefore: number) => void = () => {},
	extraSecrets: readonly string[] = [],
): Provider {
	return {
		name: PROVIDER_NAME,
		credentialType: CREDENTIAL_TYPE,
		secretFields: SECRET_FIELDS,
		retry: { maxRetries: 1, baseDelayMs: 5000, maxDelayMs: 5000 },
		describeError: describeAyrshareError,
		classify: (response): Verdict => {
			// Keys echoed back never reach an error or an item. The shared redaction
			// covers errors for the credential's fields only; a Profile Key given in
			// the node's options, and successful answers, are covered here.
			const { statusCode, headers } = response;
			const minLength = statusCode >= 200 && statusCode < 300 ? MIN_SECRET_IN_DATA : MIN_SECRET_IN_ERROR;
			for (const secret of extraSecrets) {
				if (secret.length >= minLength) response.body = withoutSecret(response.body, secret);
			}
			const now = requestDeps.now();
			if (statusCode >= 200 && statusCode < 300) {
				const exhausted = exhaustedForMs(headers, now);
				onWindow(exhausted === undefined ? 0 : now + exhausted);
				return isFailedCall(response.body) ? { outcome: 'fail' } : { outcome: 'success' };
			}
			if (statusCode === 429) {
				const waitMs = rateLimitWaitMs(headers, now);
				if (waitMs !== undefined) onWindow(now + waitMs);
				return { outcome: 'retry', reason: 'rate limited (HTTP 429)', waitMs };
			}
			if (statusCode === 408 || statusCode >= 500) {
				return { outcome: 'retry', reason: `HTTP ${statusCode}`, waitMs: retryAfterMs(response, now) };
			}
			return { outcome: 'fail' };
		},
	};
}

// When each profile may call again, per node run: the rate limit is per
// profile, so one profile's exhausted window does not hold up another's.
const windowsByRun = new WeakMap<object, Map<string, number>>();

function windowsOf(ctx: object): Map<string, number> {
	let windows = windowsByRun.get(ctx);
	if (!windows) {
		windows = new Map();
		windowsByRun.set(ctx, windows);
	}
	return windows;
}

export interface AyrshareCall {
	method: IHttpRequestMethods;
	/** Below the Base URL, e.g. `/analytics/post`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** The operation's options collection: Profile Key override and the wait cap. */
export interface CallOptions {
	profileKey?: string;
	maxWaitSeconds?: number;
}

/**
 * The one request function of the node. A Profile Key in the node's options
 * is sent as the `Profile-Key` header of this call (it wins over the
 * credential's); before calling, a profile whose window is used up is waited
 * for, or, if that is longer than the node's cap, failed without a call.
 */
export async function ayrshareRequest(
	ctx: IExecuteFunctions,
	call: AyrshareCall,
	itemIndex: number,
	options: CallOptions = {},
): Promise<HttpResponse> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const override = typeof options.profileKey === 'string' ? options.profileKey.trim() : '';
	const credentialKey = typeof credentials.profileKey === 'string' ? credentials.profileKey.trim() : '';
	const profile = override || credentialKey;
	const maxWaitMs = maxWaitMsFrom(options);
	const windows = windowsOf(ctx);
	const secrets = [credentials.apiKey, credentialKey, override].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);

	const waitMs = (windows.get(profile) ?? 0) - requestDeps.now();
	if (waitMs > 0) {
		if (waitMs > maxWaitMs) {
			const returnsAt = new Date(requestDeps.now() + waitMs).toISOString();
			throw buildApiError(ctx.getNode(), {
				providerName: PROVIDER_NAME,
				message: `Ayrshare's rate limit for this profile is used up for ${describeWait(waitMs)}, until ${returnsAt}; no call was sent`,
				code: 429,
				hint: `Access returns at ${returnsAt}. That is longer than this node's "Max Wait on Rate Limit" option (${Math.round(maxWaitMs / 1000)} s): run the workflow after that time, or raise the option. ${plainHint(429)}`,
				itemIndex,
				secrets,
			});
		}
		await requestDeps.sleep(waitMs);
	}

	const provider = ayrshareProvider((notBefore) => windows.set(profile, notBefore), secrets);
	return await sendRequest(
		ctx,
		provider,
		{
			method: call.method,
			url: `${baseUrlOf(credentials)}${call.path}`,
			...(call.qs ? { qs: call.qs } : {}),
			...(call.body ? { body: call.body } : {}),
			...(override ? { headers: { 'Profile-Key': override } } : {}),
		},
		{ itemIndex, maxWaitMs },
	);
}
