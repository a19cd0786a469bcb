/**
 * The only way this provider talks to Meta: the Graph API host of the
 * credential's login type, its version path, Meta's error body and usage
 * headers read into the shared request loop, `paging.next` pagination and
 * Graph batch requests.
 */
import type { IDataObject, IHttpRequestOptions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { API_VERSION_PATTERN, GRAPH_HOSTS } from '../../credentials/InstagramGraphApi.credentials';
import { buildApiError, type ProviderErrorInfo } from '../shared/errors';
import { mapWithConcurrency, chunk } from '../shared/limiter';
import { collectAll, followNextUrl, type Page } from '../shared/pagination';
import {
	defaultClassify,
	sendRequest,
	type HttpResponse,
	type Provider,
	type RequestContext,
	type RequestSettings,
	type Verdict,
} from '../shared/request';
import { headerValue } from '../shared/retry';
import { TOKEN_REFRESH_FAILED, TOKEN_REFRESH_HINT } from './tokenRefresh';

export const CREDENTIAL_TYPE = 'instagramGraphApi';
export const PROVIDER_NAME = 'Instagram Graph API';

export type LoginType = 'facebookLogin' | 'instagramLogin';

/** Meta's documented maximum of sub-requests in one batch. */
export const BATCH_SIZE = 50;

export interface GraphConnection {
	loginType: LoginType;
	/** Host root without trailing slash; the batch endpoint is `${baseUrl}/`. */
	baseUrl: string;
	/** e.g. `v24.0` */
	apiVersion: string;
	/** e.g. 24 */
	versionNumber: number;
	/**
	 * Graph batch requests: documented for graph.facebook.com; whether
	 * graph.instagram.com takes them is not, so Instagram Login fans out with
	 * parallel GETs instead.
	 */
	batch: boolean;
	provider: Provider;
	/** The credential's secret values, for redacting errors built here. */
	secrets: string[];
}

// ---------------------------------------------------------------------------
// Meta's error body and usage headers

export interface GraphError {
	message: string;
	type?: string;
	code?: number;
	subcode?: number;
	isTransient: boolean;
	fbtraceId?: string;
	userTitle?: string;
	userMessage?: string;
}

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return undefined;
}

/** `{ error: { message, type, code, error_subcode, is_transient, fbtrace_id, error_user_msg } }` */
export function readGraphError(body: unknown): GraphError | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const error = (body as IDataObject).error;
	if (!error || typeof error !== 'object') return undefined;
	const fields = error as IDataObject;
	const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
	return {
		message: text(fields.message) ?? text(fields.error_user_msg) ?? 'Unknown error',
		type: text(fields.type),
		code: toNumber(fields.code),
		subcode: toNumber(fields.error_subcode),
		isTransient: fields.is_transient === true || fields.is_transient === 'true',
		fbtraceId: text(fields.fbtrace_id),
		userTitle: text(fields.error_user_title),
		userMessage: text(fields.error_user_msg),
	};
}

/** App, user, page and custom-level throttling, and the Business Use Case codes. */
export function isThrottleCode(code: number | undefined): boolean {
	if (code === undefined) return false;
	return code === 4 || code === 17 || code === 32 || code === 613 || code === 341 || (code >= 80000 && code < 80100);
}

export function isPermissionCode(code: number | undefined): boolean {
	return code === 10 || (code !== undefined && code >= 200 && code <= 299);
}

export interface Usage {
	/** Highest percentage of any limit in X-App-Usage / X-Business-Use-Case-Usage. */
	percent: number;
	/** Longest `estimated_time_to_regain_access` (minutes in the header), in ms. */
	regainMs: number;
}

function parseHeaderJson(value: string | undefined): unknown {
	if (!value) return undefined;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

const USAGE_FIELDS = ['call_count', 'total_time', 'total_cputime', 'acc_id_util_pct'];

/**
 * `X-App-Usage: {"call_count":28,"total_time":25,"total_cputime":25}` and
 * `X-Business-Use-Case-Usage: {"<id>":[{"type":"instagram","call_count":n,…,"estimated_time_to_regain_access":<minutes>}]}`.
 */
export function readUsage(headers: IDataObject | undefined): Usage {
	let percent = 0;
	let regainMinutes = 0;
	const visit = (entry: unknown) => {
		if (!entry || typeof entry !== 'object') return;
		const fields = entry as IDataObject;
		for (const field of USAGE_FIELDS) percent = Math.max(percent, toNumber(fields[field]) ?? 0);
		regainMinutes = Math.max(regainMinutes, toNumber(fields.estimated_time_to_regain_access) ?? 0);
	};
	visit(parseHeaderJson(headerValue(headers, 'x-app-usage')));
	const business = parseHeaderJson(headerValue(headers, 'x-business-use-case-usage'));
	if (business && typeof business === 'object') {
		for (const entries of Object.values(business as IDataObject)) {
			for (const entry of Array.isArray(entries) ? entries : [entries]) visit(entry);
		}
	}
	return { percent, regainMs: Math.round(regainMinutes * 60_000) };
}

/** Pause before the next request as usage nears Meta's limit: 0.5 s at 80 %, doubling every 5 points. */
export const SLOW_DOWN_FROM_PERCENT = 80;
export function slowDownMs(percent: number): number {
	if (percent < SLOW_DOWN_FROM_PERCENT) return 0;
	return Math.min(8_000, Math.round(500 * 2 ** ((Math.min(percent, 100) - SLOW_DOWN_FROM_PERCENT) / 5)));
}

/**
 * Meta's cap on hashtag queries: 30 unique hashtags per Instagram account in
 * a rolling 7 days (code 24, subcode 2207024). Waiting minutes does not lift
 * it, so it is never retried.
 */
export const HASHTAG_LIMIT_TEXT = 'An Instagram account may query 30 unique hashtags per 7 days';

export function isHashtagLimit(error: GraphError | undefined): boolean {
	if (!error) return false;
	if (error.subcode === 2207024) return true;
	const words = `${error.message} ${error.userMessage ?? ''}`;
	return /hashtag/i.test(words) && (error.code === 24 || /(limit|maximum|too many|\b30\b)/i.test(words));
}

export function classifyGraphResponse(response: HttpResponse): Verdict {
	const usage = readUsage(response.headers);
	const error = readGraphError(response.body);
	if (isHashtagLimit(error)) return { outcome: 'fail' };
	if (!error) {
		const verdict = defaultClassify(response);
		if (verdict.outcome === 'success') {
			const pause = slowDownMs(usage.percent);
			return pause > 0 ? { outcome: 'success', slowDownMs: pause } : verdict;
		}
		return verdict;
	}
	// Meta reports throttling in the error code, not the HTTP status; a usage
	// header at 100 % also means throttled, whatever the code says (peers saw
	// rate limits come back as "(#100) Unsupported get request").
	if (isThrottleCode(error.code) || usage.percent >= 100) {
		return {
			outcome: 'retry',
			reason: `Meta is throttling requests (code ${error.code ?? 'none'})`,
			waitMs: usage.regainMs > 0 ? usage.regainMs : undefined,
		};
	}
	if (error.code === 1 || error.code === 2 || error.isTransient) {
		return { outcome: 'retry', reason: `temporary Meta error (code ${error.code ?? 'none'})` };
	}
	return { outcome: 'fail' };
}

const PERMISSION_NAME =
	/\b(instagram_[a-z_]+|pages_[a-z_]+|ads_(?:read|management)|business_management|read_insights)\b/g;

const TOKEN_SUBCODES: Record<number, string> = {
	458: 'the user removed the app',
	459: 'the user must log in to Instagram or Facebook to clear a security checkpoint',
	460: 'the password was changed',
	463: 'the token has expired',
	464: 'the user is not confirmed',
	467: 'the token is not valid',
};

const REQUIRED_PERMISSIONS: Record<LoginType, string> = {
	facebookLogin:
		'instagram_basic, instagram_manage_insights, pages_read_engagement and pages_show_list (and ads_read or business_management when the Page role comes through Business Manager)',
	instagramLogin: 'instagram_business_basic and instagram_business_manage_insights',
};

export function describeGraphError(response: HttpResponse, loginType: LoginType): ProviderErrorInfo {
	const error = readGraphError(response.body);
	const requestId =
		error?.fbtraceId ?? headerValue(response.headers, 'x-fb-trace-id') ?? headerValue(response.headers, 'x-fb-request-id');
	if (!error) {
		return {
			message: `${PROVIDER_NAME} answered HTTP ${response.statusCode}`,
			requestId,
			hint:
				response.statusCode === 404
					? 'Check the Base URL and the API Version in the credential.'
					: undefined,
		};
	}
	const { code, subcode } = error;
	const hints: string[] = [];
	if (error.userMessage && error.userMessage !== error.message) {
		hints.push(error.userTitle ? `${error.userTitle}: ${error.userMessage}` : error.userMessage);
	}
	if (isHashtagLimit(error)) {
		hints.push(
			`${HASHTAG_LIMIT_TEXT} (a rolling window; a hashtag queried again within it does not count twice). ` +
				'Wait until the oldest of those queries is 7 days old, reuse hashtag IDs already found, or query with another account.',
		);
	} else if (code === 190) {
		const why = subcode !== undefined ? TOKEN_SUBCODES[subcode] : undefined;
		hints.push(
			`The access token is invalid or has expired${why ? ` (${why})` : ''}. ` +
				(loginType === 'instagramLogin'
					? 'With Instagram Login n8n refreshes a long-lived token by itself as long as a workflow uses the credential at least once every few weeks; ' +
						'a token left unused for 60 days, revoked or short-lived cannot be refreshed: create a long-lived one ' +
						"(graph.instagram.com/access_token?grant_type=ig_exchange_token) and paste it into the credential's Access Token field."
					: 'Put a token that lasts in the credential: a System User token from Business Settings or a Page access token, which do not expire, ' +
						'or a long-lived user token (exchange the short-lived one at /oauth/access_token?grant_type=fb_exchange_token, about 60 days).'),
		);
	} else if (isPermissionCode(code) && !/not enough viewers/i.test(error.message)) {
		const named = [...new Set(error.message.match(PERMISSION_NAME) ?? [])];
		hints.push(
			named.length
				? `The token is missing the permission ${named.join(', ')}. Create a new token that grants it.`
				: `The token is missing a permission this call needs. With ${loginType === 'facebookLogin' ? 'Facebook' : 'Instagram'} Login it needs ${REQUIRED_PERMISSIONS[loginType]}.`,
		);
	} else if (code === 100) {
		if (subcode === 33) {
			hints.push('The object does not exist, or this token cannot see it: check the ID and that the account is linked to the token.');
		} else if (subcode === 2108006) {
			hints.push('The media was posted before the account became a professional account: Meta keeps no insights for it.');
		} else if (/metric/i.test(error.message)) {
			hints.push(
				'Meta does not serve this metric here. Choose "auto" metrics, or set Options > On Unsupported Metric to Skip to leave it empty.',
			);
		}
	} else if (isThrottleCode(code)) {
		hints.push(
			'Meta is rate limiting this app or account. Lower Options > Concurrency or run the workflow later; Meta allows 4,800 calls per 24 hours per account times its impressions.',
		);
	} else if (code === 110 || subcode === 2207013) {
		hints.push(
			'Business discovery finds only public Instagram business and creator accounts (not personal or age-restricted ones): check the username.',
		);
	} else if (code === 368) {
		hints.push('Meta has temporarily blocked this action for a policy reason. Wait before trying again.');
	} else if (code === 1 || code === 2) {
		hints.push('A temporary problem at Meta. Try again in a few minutes.');
	}
	return {
		message: isHashtagLimit(error) ? `${error.message} (${HASHTAG_LIMIT_TEXT})` : error.message,
		code: code === undefined ? undefined : subcode !== undefined ? `${code} (subcode ${subcode})` : code,
		requestId,
		hint: hints.join(' ') || undefined,
	};
}

export function graphProvider(loginType: LoginType): Provider {
	return {
		name: PROVIDER_NAME,
		credentialType: CREDENTIAL_TYPE,
		classify: classifyGraphResponse,
		describeError: (response) => describeGraphError(response, loginType),
		secretFields: ['accessToken', 'appSecret', 'refreshedToken'],
	};
}

// ---------------------------------------------------------------------------
// Connection

export async function graphConnection(ctx: RequestContext): Promise<GraphConnection> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const loginType: LoginType = credentials.loginType === 'instagramLogin' ? 'instagramLogin' : 'facebookLogin';
	const apiVersion = String(credentials.apiVersion ?? '').trim() || 'v24.0';
	if (!API_VERSION_PATTERN.test(apiVersion)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid "API Version" in the credential: "${apiVersion}" is not of the form vNN.N`,
			{ description: 'Set it to a Graph API version such as v24.0.' },
		);
	}
	const override = String(credentials.baseUrl ?? '').trim();
	const baseUrl = (override || GRAPH_HOSTS[loginType]).replace(/\/+$/, '');
	const secrets = [credentials.accessToken, credentials.appSecret, credentials.refreshedToken].filter(
		(value): value is string => typeof value === 'string' && value.trim().length > 0,
	);
	return {
		loginType,
		baseUrl,
		apiVersion,
		versionNumber: Number(apiVersion.slice(1)),
		batch: loginType === 'facebookLogin',
		provider: graphProvider(loginType),
		secrets,
	};
}

/**
 * The shared request loop, with one Instagram addition: a failed token
 * refresh (inside n8n's credential helper) keeps its own words and hint
 * instead of reading as a connection failure.
 */
export async function sendGraphRequest(
	ctx: RequestContext,
	provider: Provider,
	options: IHttpRequestOptions,
	settings: RequestSettings,
): Promise<HttpResponse> {
	try {
		return await sendRequest(ctx, provider, options, settings);
	} catch (error) {
		throw withRefreshHint(ctx, error as NodeApiError, settings);
	}
}

/** sendRequest's failures are NodeApiErrors already; a refresh failure gets its own words back. */
function withRefreshHint(ctx: RequestContext, error: NodeApiError, settings: RequestSettings): NodeApiError {
	const message = String(error.message ?? '');
	const at = message.indexOf(TOKEN_REFRESH_FAILED);
	if (at < 0) return error;
	return buildApiError(ctx.getNode(), {
		message: message.slice(at),
		hint: TOKEN_REFRESH_HINT,
		providerName: PROVIDER_NAME,
		itemIndex: settings.itemIndex,
	});
}

/** Encodes a query as Meta writes it (commas, braces and parentheses of field lists left readable). */
export function encodeQuery(qs: IDataObject | undefined): string {
	if (!qs) return '';
	return Object.entries(qs)
		.filter(([, value]) => value !== undefined && value !== null && value !== '')
		.map(
			([key, value]) =>
				`${encodeURIComponent(key)}=${encodeURIComponent(String(value)).replace(/%2C/gi, ',').replace(/%7B/gi, '{').replace(/%7D/gi, '}').replace(/%28/gi, '(').replace(/%29/gi, ')')}`,
		)
		.join('&');
}

/** `{base}/{version}/{path}` */
export function graphUrl(connection: GraphConnection, path: string): string {
	return `${connection.baseUrl}/${connection.apiVersion}/${path.replace(/^\/+/, '')}`;
}

function cleanQuery(qs: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(qs).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

export async function graphGet(
	ctx: RequestContext,
	connection: GraphConnection,
	path: string,
	qs: IDataObject,
	settings: RequestSettings,
): Promise<IDataObject> {
	const response = await sendGraphRequest(
		ctx,
		connection.provider,
		{ method: 'GET', url: graphUrl(connection, path), qs: cleanQuery(qs) },
		settings,
	);
	return (response.body ?? {}) as IDataObject;
}

/** `{ data: [...], paging: { next } }` */
export function readGraphPage<T = IDataObject>(body: unknown): Page<T> {
	const value = (body ?? {}) as IDataObject;
	const items = Array.isArray(value.data) ? (value.data as T[]) : [];
	const paging = (value.paging ?? {}) as IDataObject;
	return { items, next: typeof paging.next === 'string' ? paging.next : undefined };
}

/** A `limit=` in Meta's next URL is rewritten to what is still needed. */
function withPageSize(request: IHttpRequestOptions, size: number): IHttpRequestOptions {
	if (request.qs) return { ...request, qs: { ...request.qs, limit: size } };
	if (/[?&]limit=\d+/.test(request.url)) {
		return { ...request, url: request.url.replace(/([?&])limit=\d+/, `$1limit=${size}`) };
	}
	return request;
}

export interface ListOptions<T> {
	/** Exact number of records wanted; undefined for all. */
	limit?: number;
	/** Largest page size to ask for; undefined for edges that take no `limit`. */
	pageSize?: number;
	what: string;
	/** Reads one page: which records to keep, and whether to stop after it. */
	readPage?: (body: unknown) => Page<T>;
}

/** Lists an edge, following `paging.next` as Meta wrote it, with an exact limit. */
export async function graphList<T = IDataObject>(
	ctx: RequestContext,
	connection: GraphConnection,
	path: string,
	qs: IDataObject,
	options: ListOptions<T>,
	settings: RequestSettings,
): Promise<T[]> {
	return await collectAll<T>(ctx.getNode(), {
		first: { method: 'GET', url: graphUrl(connection, path), qs: cleanQuery(qs) },
		fetchPage: async (request) => (await sendGraphRequest(ctx, connection.provider, request, settings)).body,
		readPage: options.readPage ?? ((body) => readGraphPage<T>(body)),
		nextRequest: followNextUrl,
		pageSize: options.pageSize ? { max: options.pageSize, apply: withPageSize } : undefined,
		limit: options.limit,
		what: options.what,
	});
}

/** Follows `paging.next` on from a page fetched elsewhere (by `fetchMany`, say), as Meta wrote it. */
export async function graphFollow<T = IDataObject>(
	ctx: RequestContext,
	connection: GraphConnection,
	nextUrl: string,
	options: Pick<ListOptions<T>, 'limit' | 'what' | 'readPage'>,
	settings: RequestSettings,
): Promise<T[]> {
	return await collectAll<T>(ctx.getNode(), {
		first: { method: 'GET', url: nextUrl },
		fetchPage: async (request) => (await sendGraphRequest(ctx, connection.provider, request, settings)).body,
		readPage: options.readPage ?? ((body) => readGraphPage<T>(body)),
		nextRequest: followNextUrl,
		limit: options.limit,
		what: options.what,
	});
}

// ---------------------------------------------------------------------------
// Many GETs at once: Graph batch requests, or parallel GETs

export interface GraphCall {
	/** Path below the version, e.g. `17900000/insights`. */
	path: string;
	qs: IDataObject;
}

export type CallResult =
	| { ok: true; body: IDataObject }
	| { ok: false; statusCode: number; error: GraphError; body: unknown; info: ProviderErrorInfo };

/**
 * Errors that belong to one object (an unsupported metric, an object that
 * does not exist, a story under the viewer threshold): the caller decides per
 * object. Everything else (token, permission, throttling after retries) stops
 * the whole fan-out.
 */
export function isObjectLevelError(error: GraphError | undefined, statusCode: number): boolean {
	if (!error) return statusCode === 404;
	if (error.code === 100 || error.code === 803) return true;
	if (error.code === 10 && /not enough viewers/i.test(error.message)) return true;
	return error.subcode === 2108006 || error.subcode === 33;
}

function objectLevelProvider(provider: Provider): Provider {
	return {
		...provider,
		classify: (response) =>
			isObjectLevelError(readGraphError(response.body), response.statusCode)
				? { outcome: 'success' }
				: (provider.classify ?? defaultClassify)(response),
	};
}

function toCallResult(connection: GraphConnection, statusCode: number, body: unknown): CallResult {
	const error = readGraphError(body);
	if (!error && statusCode >= 200 && statusCode < 300) return { ok: true, body: (body ?? {}) as IDataObject };
	const response: HttpResponse = { statusCode, headers: {}, body };
	return {
		ok: false,
		statusCode,
		error: error ?? { message: `HTTP ${statusCode}`, isTransient: false },
		body,
		info: connection.provider.describeError(response),
	};
}

async function callOne(
	ctx: RequestContext,
	connection: GraphConnection,
	call: GraphCall,
	settings: RequestSettings,
): Promise<CallResult> {
	const response = await sendGraphRequest(
		ctx,
		objectLevelProvider(connection.provider),
		{ method: 'GET', url: graphUrl(connection, call.path), qs: cleanQuery(call.qs) },
		settings,
	);
	return toCallResult(connection, response.statusCode, response.body);
}

export function relativeUrl(connection: GraphConnection, call: GraphCall): string {
	const query = encodeQuery(call.qs);
	return `${connection.apiVersion}/${call.path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
}

interface SubResponse {
	code: number;
	body: unknown;
}

function readSubResponse(entry: unknown): SubResponse | null {
	if (!entry || typeof entry !== 'object') return null;
	const fields = entry as IDataObject;
	const code = toNumber(fields.code);
	if (code === undefined) return null;
	let body: unknown = fields.body;
	if (typeof body === 'string') {
		try {
			body = body.trim() === '' ? {} : JSON.parse(body);
		} catch {
			return null;
		}
	}
	return { code, body };
}

export type FailedCall = Extract<CallResult, { ok: false }>;

export function apiErrorFrom(
	ctx: RequestContext,
	connection: GraphConnection,
	result: FailedCall,
	itemIndex?: number,
): NodeApiError {
	return buildApiError(ctx.getNode(), {
		...result.info,
		providerName: PROVIDER_NAME,
		httpCode: result.statusCode,
		body: result.body,
		itemIndex,
		secrets: connection.secrets,
	});
}

/** One Graph batch request: `POST {base}/` with `batch=[{method, relative_url}]`. */
async function sendBatch(
	ctx: RequestContext,
	connection: GraphConnection,
	calls: GraphCall[],
	settings: RequestSettings,
): Promise<Array<SubResponse | null>> {
	const batch = calls.map((call) => ({ method: 'GET', relative_url: relativeUrl(connection, call) }));
	const response = await sendGraphRequest(
		ctx,
		connection.provider,
		{
			method: 'POST',
			url: `${connection.baseUrl}/`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `batch=${encodeURIComponent(JSON.stringify(batch))}&include_headers=false`,
		},
		settings,
	);
	const entries = Array.isArray(response.body) ? (response.body as unknown[]) : [];
	return calls.map((_, index) => readSubResponse(entries[index]));
}

export interface FanOutOptions {
	concurrency: number;
	settings: RequestSettings;
}

/**
 * Runs many GETs: in Graph batches of up to 50 (each sub-response checked on
 * its own) where the host takes them, else in parallel under `concurrency`.
 * A sub-response that timed out (null), was throttled or hit a transient
 * error is fetched again on its own through the shared retry loop. Results
 * keep the order of `calls`; a failure that is not about one object throws.
 */
export async function fetchMany(
	ctx: RequestContext,
	connection: GraphConnection,
	calls: GraphCall[],
	options: FanOutOptions,
): Promise<CallResult[]> {
	const { settings } = options;
	if (!connection.batch) {
		return await mapWithConcurrency(calls, options.concurrency, async (call) => await callOne(ctx, connection, call, settings));
	}
	const results = new Array<CallResult>(calls.length);
	const batches = chunk(
		calls.map((call, index) => ({ call, index })),
		BATCH_SIZE,
	);
	const again: Array<{ call: GraphCall; index: number }> = [];
	await mapWithConcurrency(batches, options.concurrency, async (batch) => {
		const responses = await sendBatch(
			ctx,
			connection,
			batch.map((entry) => entry.call),
			settings,
		);
		responses.forEach((sub, position) => {
			const entry = batch[position];
			if (!sub) {
				again.push(entry);
				return;
			}
			const response: HttpResponse = { statusCode: sub.code, headers: {}, body: sub.body };
			const error = readGraphError(sub.body);
			if (isObjectLevelError(error, sub.code)) {
				results[entry.index] = toCallResult(connection, sub.code, sub.body);
				return;
			}
			const verdict = classifyGraphResponse(response);
			if (verdict.outcome === 'success') results[entry.index] = toCallResult(connection, sub.code, sub.body);
			else if (verdict.outcome === 'retry') again.push(entry);
			else throw apiErrorFrom(ctx, connection, toCallResult(connection, sub.code, sub.body) as FailedCall, settings.itemIndex);
		});
	});
	if (again.length) {
		again.sort((a, b) => a.index - b.index);
		const retried = await mapWithConcurrency(again, options.concurrency, async (entry) =>
			await callOne(ctx, connection, entry.call, settings),
		);
		again.forEach((entry, position) => (results[entry.index] = retried[position]));
	}
	return results;
}
