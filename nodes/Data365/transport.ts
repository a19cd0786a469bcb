/**
 * Everything Data365 says over HTTP, for both APIs a token may belong to:
 *
 * - Graph (the original API, api.singularex.com/instagram): `GET {base}/{media|user|tag}/{id}
 *   ?fields=<graph request>`. A node not yet in Data365's cache answers 202
 *   `RequestAccepted` ("being loaded now, try again later"); cached data may
 *   come with `is_being_updated: true`. Lists are Relay connections.
 * - v1.1 (api.data365.co/v1.1): `POST .../update` starts a collection task,
 *   `GET .../update` reports its status, then `GET` reads the data, lists
 *   paged with `cursor`.
 *
 * The token travels as the `access_token` query parameter (the credential's
 * `authenticate`), so it is listed in `secretFields` and redacted everywhere.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { buildApiError, type ProviderErrorInfo } from '../shared/errors';
import { collectAll, cursorParameter, readRelayConnection, type Page } from '../shared/pagination';
import {
	defaultClassify,
	requestDeps,
	sendRequest,
	type HttpResponse,
	type Provider,
	type RequestSettings,
	type Verdict,
} from '../shared/request';
import { headerValue } from '../shared/retry';
import { connectionRequest } from './graphRequest';

export const CREDENTIAL_TYPE = 'data365Api';

export type ApiVersion = 'graph' | 'v1.1';

export const DEFAULT_BASE_URL: Record<ApiVersion, string> = {
	graph: 'https://api.singularex.com/instagram',
	'v1.1': 'https://api.data365.co/v1.1',
};

/** The Instagram node a request is about, named in errors. */
export type NodeKind = 'media' | 'user' | 'tag';
export type EdgeName = 'media' | 'comments';

export interface Target {
	kind: NodeKind;
	id: string;
}

export function describeTarget(target: Target): string {
	if (target.kind === 'tag') return `hashtag "#${target.id}"`;
	return `${target.kind} "${target.id}"`;
}

// ---------------------------------------------------------------------------
// Paths, all in one place. The v1.1 ones follow the reference's profile and
// hashtag examples; the post and comment paths are inferred from them.
// ---------------------------------------------------------------------------

const encode = (id: string) => encodeURIComponent(id);

export const GRAPH_PATHS = {
	node: (target: Target) => `/${target.kind}/${encode(target.id)}`,
};

const V11_NODE: Record<NodeKind, string> = { media: 'post', user: 'profile', tag: 'tag' };

interface V11Edge {
	path: string;
	/** Sent with `POST .../update` so the task collects the list too. */
	load: IDataObject;
	/** The update parameter capping how many the task collects. */
	maxParameter: string;
}

const V11_EDGES: Partial<Record<NodeKind, Partial<Record<EdgeName, V11Edge>>>> = {
	user: { media: { path: 'feed/posts', load: { load_feed_posts: true }, maxParameter: 'max_posts' } },
	tag: { media: { path: 'posts', load: { load_posts: true }, maxParameter: 'max_posts' } },
	media: { comments: { path: 'comments', load: { load_comments: true }, maxParameter: 'max_comments' } },
};

export const V11_PATHS = {
	node: (target: Target) => `/instagram/${V11_NODE[target.kind]}/${encode(target.id)}`,
	update: (target: Target) => `${V11_PATHS.node(target)}/update`,
	edge: (target: Target, edge: EdgeName) => `${V11_PATHS.node(target)}/${v11Edge(target, edge).path}`,
};

function v11Edge(target: Target, edge: EdgeName): V11Edge {
	const found = V11_EDGES[target.kind]?.[edge];
	if (!found) throw new Error(`Data365 v1.1 has no "${edge}" list on ${target.kind}`);
	return found;
}

/** v1.1 reads at most this many per page (`max_page_size`). */
export const V11_MAX_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------
// Reading responses
// ---------------------------------------------------------------------------

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): IDataObject {
	return isObject(value) ? value : {};
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value;
	if (typeof value === 'number') return String(value);
	return undefined;
}

const OK_STATUSES = new Set(['ok', 'accepted', 'success']);

/**
 * The error type a body names: the Graph API puts it in `status` and
 * `error.type`, v1.1 in `error.code` with `status: "fail"`.
 */
export function errorTypeOf(body: unknown): string | undefined {
	if (!isObject(body)) return undefined;
	const status = text(body.status);
	if (status === undefined || OK_STATUSES.has(status.toLowerCase())) return undefined;
	const error = asObject(body.error);
	return text(error.type) ?? text(error.code) ?? status;
}

const RETRIED_TYPES = new Set(['InternalServerError', 'TooManyRequests', 'RateLimitError', 'TooManyRequestsError']);

/** 202 is "loading, ask again", a success the polling loop handles; an error status in a 2xx body fails. */
export function classifyResponse(response: HttpResponse): Verdict {
	const { statusCode } = response;
	if (statusCode >= 200 && statusCode < 300) {
		const type = errorTypeOf(response.body);
		if (type === undefined || type === 'RequestAccepted') return { outcome: 'success' };
		if (RETRIED_TYPES.has(type)) return { outcome: 'retry', reason: type };
		return { outcome: 'fail' };
	}
	return defaultClassify(response);
}

const AUTH_TYPES = new Set(['AuthenticationError', 'AuthorizationError', 'Unauthorized', 'Forbidden', 'InvalidTokenError']);
const NOT_FOUND_TYPES = new Set(['NodeNotExistsError', 'NotFoundError', 'NotFound']);
const INVALID_TYPES = new Set(['InvalidRequestError', 'ValidationError', 'BadRequest', 'BadRequestError']);

/** The provider's words for a failed response, with a plain hint; `target` names what was asked for. */
export function describeData365Error(response: HttpResponse, target?: Target): ProviderErrorInfo {
	const body = asObject(response.body);
	const error = body.error;
	const apiMessage =
		text(asObject(error).message) ??
		text(body.message) ??
		text(error) ??
		(typeof response.body === 'string' && response.body.length < 300 ? text(response.body) : undefined) ??
		`HTTP ${response.statusCode}`;
	const code = errorTypeOf(body) ?? (response.statusCode >= 400 ? response.statusCode : undefined);
	const requestId = text(headerValue(response.headers, 'x-request-id'));
	const type = typeof code === 'string' ? code : '';
	const status = response.statusCode;
	const base = { code, requestId };

	if (AUTH_TYPES.has(type) || status === 401 || status === 403) {
		return {
			...base,
			message: `The Data365 access token is missing or invalid: ${apiMessage}`,
			hint: 'Check the Access Token in the Data365 credential, and that its API Version (Graph or v1.1) is the one the token was issued for.',
		};
	}
	if (NOT_FOUND_TYPES.has(type) || status === 404) {
		const what = target ? `the Instagram ${describeTarget(target)}` : 'the requested user, media or hashtag';
		return {
			...base,
			message: `Data365 could not find ${what}: ${apiMessage}`,
			hint: 'Check the spelling. A user may be private, renamed or deleted, and a post removed. With API v1.1 and "Read Cached Data Only" on, Data365 may not have collected it yet.',
		};
	}
	if (INVALID_TYPES.has(type) || status === 400 || status === 422) {
		return {
			...base,
			message: `Data365 rejected the request: ${apiMessage}`,
			hint: 'The message names the field or parameter Data365 did not accept. Check the "Fields" and "Graph Request" options and the dates.',
		};
	}
	if (status === 429 || type === 'TooManyRequests' || type === 'RateLimitError') {
		return {
			...base,
			message: `Data365 is limiting requests: ${apiMessage}`,
			hint: 'The node waited and retried. Run the workflow later or less often.',
		};
	}
	if (status >= 500 || type === 'InternalServerError') {
		return {
			...base,
			message: `Data365 had an internal error: ${apiMessage}`,
			hint: 'The node retried. Try again later, and tell Data365 if it keeps happening.',
		};
	}
	return { ...base, message: `Data365: ${apiMessage}` };
}

export const data365Provider: Provider = {
	name: 'Data365',
	credentialType: CREDENTIAL_TYPE,
	classify: classifyResponse,
	describeError: (response) => describeData365Error(response),
	secretFields: ['accessToken'],
};

function providerFor(target: Target): Provider {
	return { ...data365Provider, describeError: (response) => describeData365Error(response, target) };
}

// ---------------------------------------------------------------------------
// Connection and settings
// ---------------------------------------------------------------------------

export interface Data365Connection {
	api: ApiVersion;
	baseUrl: string;
	secrets: string[];
}

export async function connect(ctx: IExecuteFunctions): Promise<Data365Connection> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const api: ApiVersion = String(credentials.apiVersion ?? '').trim().toLowerCase() === 'graph' ? 'graph' : 'v1.1';
	const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	return {
		api,
		baseUrl: (configured || DEFAULT_BASE_URL[api]).replace(/\/+$/, ''),
		secrets: token ? [token] : [],
	};
}

export interface Data365Settings {
	itemIndex: number;
	/** Longest wait accepted on a rate limit (shared "Max Wait on Rate Limit"). */
	maxWaitMs: number;
	/** Between two "is it ready yet?" requests. */
	pollIntervalMs: number;
	/** Longest total wait for loading data or a v1.1 task. */
	maxLoadingWaitMs: number;
	/** Graph: keep asking while cached data says `is_being_updated: true`. */
	waitForFreshData: boolean;
	/** v1.1: read what Data365 holds without starting an update task. */
	skipUpdate: boolean;
	/** Records per page asked for (shrinks to what the limit still needs). */
	pageSize: number;
}

function requestSettings(settings: Data365Settings): RequestSettings {
	return { itemIndex: settings.itemIndex, maxWaitMs: settings.maxWaitMs };
}

function seconds(ms: number): string {
	const value = Math.round(ms / 100) / 10;
	return `${value} s`;
}

// ---------------------------------------------------------------------------
// "Loading, ask again": the Graph API's 202 and is_being_updated
// ---------------------------------------------------------------------------

function isLoading(response: HttpResponse): boolean {
	const body = asObject(response.body);
	const status = text(body.status)?.toLowerCase();
	return (
		response.statusCode === 202 || status === 'accepted' || text(asObject(body.error).type) === 'RequestAccepted'
	);
}

function isBeingUpdated(data: unknown): boolean {
	const flag = asObject(data).is_being_updated;
	return flag === true || flag === 1 || (typeof flag === 'string' && flag.trim().toLowerCase() === 'true');
}

/**
 * Sends a GET and asks again, every poll interval, while Data365 answers that
 * the node is being loaded (or, with "Wait for Fresh Data", being updated),
 * up to the maximum wait. Returns the response body.
 */
async function getWhenReady(
	ctx: IExecuteFunctions,
	connection: Data365Connection,
	target: Target,
	request: IHttpRequestOptions,
	settings: Data365Settings,
): Promise<IDataObject> {
	const provider = providerFor(target);
	const started = requestDeps.now();
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		const response = await sendRequest(ctx, provider, request, requestSettings(settings));
		const body = asObject(response.body);
		const loading = isLoading(response);
		const updating = !loading && settings.waitForFreshData && connection.api === 'graph' && isBeingUpdated(body.data);
		if (!loading && !updating) return body;

		const elapsed = Math.max(waited, requestDeps.now() - started);
		if (elapsed + settings.pollIntervalMs > settings.maxLoadingWaitMs) {
			const apiMessage = text(asObject(body.error).message);
			throw buildApiError(ctx.getNode(), {
				providerName: data365Provider.name,
				itemIndex: settings.itemIndex,
				secrets: connection.secrets,
				httpCode: response.statusCode,
				...(loading
					? {
							message: `Data365 is still loading the ${describeTarget(target)} after ${attempt} requests over ${seconds(elapsed)}${apiMessage ? `: ${apiMessage}` : ''}`,
							code: 'RequestAccepted',
							hint: 'Data365 collects an Instagram node from Instagram the first time it is asked for. Run the workflow again later, or raise the "Max Wait for Data (Seconds)" option.',
						}
					: {
							message: `Data365 is still updating the ${describeTarget(target)} after ${attempt} requests over ${seconds(elapsed)} (is_being_updated is still true)`,
							code: 'is_being_updated',
							hint: 'Turn off "Wait for Fresh Data" to take the cached data (its last_update column tells its age), or raise the "Max Wait for Data (Seconds)" option.',
						}),
			});
		}
		ctx.logger?.debug(
			`Data365: ${describeTarget(target)} is ${loading ? 'being loaded' : 'being updated'}, asking again in ${settings.pollIntervalMs} ms`,
		);
		await requestDeps.sleep(settings.pollIntervalMs);
		waited += settings.pollIntervalMs;
	}
}

// ---------------------------------------------------------------------------
// v1.1 update tasks
// ---------------------------------------------------------------------------

const TASK_FINISHED = new Set(['finished', 'success', 'succeeded', 'completed', 'done']);
const TASK_FAILED = new Set(['fail', 'failed', 'error']);
const TASK_CANCELED = new Set(['canceled', 'cancelled']);

function taskIdOf(body: unknown): string | undefined {
	const root = asObject(body);
	const data = asObject(root.data);
	return text(data.task_id) ?? text(data.id) ?? text(root.task_id);
}

function taskReason(info: IDataObject, body: IDataObject): string | undefined {
	return (
		text(info.message) ??
		text(asObject(info.error).message) ??
		text(info.error) ??
		text(info.reason) ??
		text(asObject(body.error).message)
	);
}

/**
 * Starts a v1.1 update task and polls its status until it finishes. `fail`,
 * `canceled` and the maximum wait each end in an error naming the task ID;
 * `created`, `pending`, `unknown` (and any status not listed) mean ask again.
 */
async function runUpdateTask(
	ctx: IExecuteFunctions,
	connection: Data365Connection,
	target: Target,
	parameters: IDataObject,
	settings: Data365Settings,
): Promise<void> {
	const provider = providerFor(target);
	const url = `${connection.baseUrl}${V11_PATHS.update(target)}`;
	const started = await sendRequest(
		ctx,
		provider,
		{ method: 'POST', url, qs: parameters },
		requestSettings(settings),
	);
	let taskId = taskIdOf(started.body);
	const startedAt = requestDeps.now();
	let waited = 0;
	const fail = (message: string, code: string, hint: string, httpCode?: number) =>
		buildApiError(ctx.getNode(), {
			providerName: data365Provider.name,
			message,
			code,
			hint,
			httpCode,
			itemIndex: settings.itemIndex,
			secrets: connection.secrets,
		});
	for (;;) {
		const response = await sendRequest(ctx, provider, { method: 'GET', url }, requestSettings(settings));
		const body = asObject(response.body);
		const info = asObject(body.data);
		taskId ??= taskIdOf(body);
		const status = (text(info.status) ?? text(info.task_status) ?? 'unknown').toLowerCase();
		const task = `Data365 update task ${taskId ?? '(no task ID returned)'} for the ${describeTarget(target)}`;
		if (TASK_FINISHED.has(status)) return;
		if (TASK_FAILED.has(status)) {
			const reason = taskReason(info, body);
			throw fail(
				`${task} failed${reason ? `: ${reason}` : ''}`,
				status,
				'Data365 could not collect the data. Check that the account, hashtag or post exists and is public, then run again; if it keeps failing, give Data365 the task ID.',
				response.statusCode,
			);
		}
		if (TASK_CANCELED.has(status)) {
			const reason = taskReason(info, body);
			throw fail(
				`${task} was canceled${reason ? `: ${reason}` : ''}`,
				status,
				'The task was canceled on Data365\'s side. Run the workflow again; if it keeps happening, give Data365 the task ID.',
				response.statusCode,
			);
		}
		const elapsed = Math.max(waited, requestDeps.now() - startedAt);
		if (elapsed + settings.pollIntervalMs > settings.maxLoadingWaitMs) {
			throw fail(
				`${task} did not finish within ${seconds(settings.maxLoadingWaitMs)} (last status: ${status})`,
				'timeout',
				'Raise the "Max Wait for Data (Seconds)" option, or turn on "Read Cached Data Only" to read what Data365 already holds.',
			);
		}
		ctx.logger?.debug(`Data365: task ${taskId ?? '?'} is ${status}, asking again in ${settings.pollIntervalMs} ms`);
		await requestDeps.sleep(settings.pollIntervalMs);
		waited += settings.pollIntervalMs;
	}
}

// ---------------------------------------------------------------------------
// What operations call
// ---------------------------------------------------------------------------

export interface DateFilters {
	/** `yyyy-mm-dd`. */
	from_date?: string;
	to_date?: string;
}

export interface Fetched<T> {
	api: ApiVersion;
	value: T;
}

/** One user, media or hashtag. `graphFields` is the Graph API's `fields`. */
export async function getNode(
	ctx: IExecuteFunctions,
	target: Target,
	graphFields: string,
	settings: Data365Settings,
): Promise<Fetched<IDataObject>> {
	const connection = await connect(ctx);
	if (connection.api === 'graph') {
		const body = await getWhenReady(
			ctx,
			connection,
			target,
			{ method: 'GET', url: `${connection.baseUrl}${GRAPH_PATHS.node(target)}`, qs: { fields: graphFields } },
			settings,
		);
		return { api: 'graph', value: asObject(body.data) };
	}
	if (!settings.skipUpdate) await runUpdateTask(ctx, connection, target, {}, settings);
	const body = await getWhenReady(
		ctx,
		connection,
		target,
		{ method: 'GET', url: `${connection.baseUrl}${V11_PATHS.node(target)}` },
		settings,
	);
	return { api: 'v1.1', value: asObject(body.data) };
}

export interface ListRequest {
	edge: EdgeName;
	/** Graph: the fields inside `edges{node{...}}`. */
	nodeFields: string;
	/** Exact number wanted; undefined for all. */
	limit?: number;
	dates?: DateFilters;
}

/** A v1.1 page: `{ data: { items, page_info: { has_next_page, cursor } } }`, tolerating variants. */
export function readV11Page(body: unknown): Page<IDataObject> {
	const root = asObject(body);
	const data = root.data;
	const container = asObject(data);
	const list = Array.isArray(data)
		? data
		: Array.isArray(container.items)
			? container.items
			: Array.isArray(root.items)
				? root.items
				: [];
	const items = (list as unknown[]).filter(isObject);
	const pageInfo = asObject(container.page_info ?? container.pageInfo ?? root.page_info ?? root.pageInfo);
	const hasNext = pageInfo.has_next_page ?? pageInfo.hasNextPage;
	const cursor = text(pageInfo.cursor) ?? text(pageInfo.next_cursor) ?? text(pageInfo.end_cursor) ?? text(pageInfo.endCursor);
	const more = hasNext === true || (typeof hasNext === 'string' && hasNext.toLowerCase() === 'true') || (hasNext === undefined && items.length > 0);
	return { items, next: more ? cursor : undefined };
}

/** A user's or hashtag's posts, or a post's comments, up to `limit`. */
export async function listEdge(
	ctx: IExecuteFunctions,
	target: Target,
	request: ListRequest,
	settings: Data365Settings,
): Promise<Fetched<IDataObject[]>> {
	const connection = await connect(ctx);
	const node = ctx.getNode();
	const what = request.edge === 'media' ? 'posts' : 'comments';
	const dates: IDataObject = { ...(request.dates ?? {}) };
	if (connection.api === 'graph') {
		// The root's own is_being_updated is what "Wait for Fresh Data" watches.
		const rootFields = settings.waitForFreshData ? 'id,is_being_updated' : 'id';
		let after: string | undefined;
		const items = await collectAll<IDataObject>(node, {
			first: { method: 'GET', url: `${connection.baseUrl}${GRAPH_PATHS.node(target)}`, qs: { ...dates } },
			pageSize: {
				max: settings.pageSize,
				apply: (page, size) => {
					const filters: IDataObject = { ...(page.qs ?? {}) };
					delete filters.fields;
					const fields = `${rootFields},${connectionRequest(request.edge, size, after, request.nodeFields)}`;
					return { ...page, qs: { fields, ...filters } };
				},
			},
			nextRequest: (next, previous) => {
				after = next;
				return previous;
			},
			fetchPage: async (page) => await getWhenReady(ctx, connection, target, page, settings),
			readPage: (body) => readRelayConnection<IDataObject>(asObject(asObject(body).data)[request.edge]),
			limit: request.limit,
			what,
		});
		return { api: 'graph', value: items };
	}

	const edge = v11Edge(target, request.edge);
	if (!settings.skipUpdate) {
		await runUpdateTask(
			ctx,
			connection,
			target,
			{
				...edge.load,
				...(request.limit !== undefined ? { [edge.maxParameter]: request.limit } : {}),
				...dates,
			},
			settings,
		);
	}
	const items = await collectAll<IDataObject>(node, {
		first: { method: 'GET', url: `${connection.baseUrl}${V11_PATHS.edge(target, request.edge)}`, qs: { ...dates } },
		pageSize: {
			max: Math.min(settings.pageSize, V11_MAX_PAGE_SIZE),
			apply: (page, size) => ({ ...page, qs: { ...page.qs, max_page_size: size } }),
		},
		nextRequest: cursorParameter('cursor'),
		fetchPage: async (page) => await getWhenReady(ctx, connection, target, page, settings),
		readPage: readV11Page,
		limit: request.limit,
		what,
	});
	return { api: 'v1.1', value: items };
}
