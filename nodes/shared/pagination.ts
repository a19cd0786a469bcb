import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** One page as a provider returns it: its records and the value that leads on. */
export interface Page<T> {
	items: T[];
	/** Absent, null or '' when this was the last page. */
	next?: string | null;
}

/** Builds the request for the page after `previous`, from the page's `next` value. */
export type NextRequest = (
	next: string,
	previous: IHttpRequestOptions,
	first: IHttpRequestOptions,
) => IHttpRequestOptions;

export interface PaginateOptions<T> {
	first: IHttpRequestOptions;
	fetchPage: (request: IHttpRequestOptions) => Promise<unknown>;
	readPage: (body: unknown) => Page<T>;
	nextRequest: NextRequest;
	/** Exact number of records wanted; undefined means all. */
	limit?: number;
	/** Shrinks the page size to what is still needed, where the API allows it. */
	pageSize?: { max: number; apply: (request: IHttpRequestOptions, size: number) => IHttpRequestOptions };
	/** Guard against an API that never stops. */
	maxPages?: number;
	/** Names the records in errors, e.g. "shares". */
	what?: string;
}

export const DEFAULT_MAX_PAGES = 10_000;

/**
 * Yields pages of records until the API says there are no more, or `limit`
 * records were yielded; no request is made once the limit is reached. A `next`
 * value seen twice, or more pages than the guard, stops with an error.
 */
export async function* paginate<T>(node: INode, options: PaginateOptions<T>): AsyncGenerator<T[]> {
	const { limit, pageSize, what = 'records' } = options;
	const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
	const seen = new Set<string>();
	let remaining = limit ?? Number.POSITIVE_INFINITY;
	let request = options.first;
	for (let pageNumber = 1; remaining > 0; pageNumber++) {
		if (pageNumber > maxPages) {
			throw new NodeOperationError(
				node,
				`Stopped after ${maxPages} pages of ${what}: the API kept returning more pages`,
				{ description: 'Narrow the date range or set a Limit.' },
			);
		}
		const sized = pageSize ? pageSize.apply(request, Math.min(pageSize.max, remaining)) : request;
		const page = options.readPage(await options.fetchPage(sized));
		const items = page.items.length > remaining ? page.items.slice(0, remaining) : page.items;
		remaining -= items.length;
		if (items.length) yield items;
		const next = page.next;
		if (next === undefined || next === null || next === '' || remaining <= 0) return;
		if (seen.has(next)) {
			throw new NodeOperationError(
				node,
				`The API returned the same next-page value twice while listing ${what}; stopped to avoid an endless loop`,
				{ description: `Repeated value: ${next.length > 80 ? `${next.slice(0, 80)}…` : next}` },
			);
		}
		seen.add(next);
		request = options.nextRequest(next, sized, options.first);
	}
}

export async function collectAll<T>(node: INode, options: PaginateOptions<T>): Promise<T[]> {
	const all: T[] = [];
	for await (const items of paginate(node, options)) all.push(...items);
	return all;
}

function isAbsoluteUrl(value: string): boolean {
	return /^https?:\/\//i.test(value);
}

/** The page's `next` is a full URL (Graph API `paging.next`, and the like). */
export const followNextUrl: NextRequest = (next, previous) => ({
	...withoutKeys(previous, ['qs', 'baseURL']),
	url: next,
});

function withoutKeys(
	request: IHttpRequestOptions,
	keys: Array<keyof IHttpRequestOptions>,
): IHttpRequestOptions {
	const copy = { ...request };
	for (const key of keys) delete copy[key];
	return copy;
}

/** The page's `next` is a cursor sent as a query parameter. */
export function cursorParameter(name: string): NextRequest {
	return (next, previous) => ({ ...previous, qs: { ...(previous.qs ?? {}), [name]: next } });
}

function serialiseQuery(qs: IDataObject | undefined): string {
	if (!qs) return '';
	const parts: string[] = [];
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null) continue;
		const values = Array.isArray(value) ? value : [value];
		for (const single of values) {
			parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(single))}`);
		}
	}
	return parts.join('&');
}

/**
 * The page's `next` is to be appended to the original request URL. It may
 * come as a full URL (used as it is), a query fragment (`after=123`,
 * `&after=123`, `?after=123`) or a bare token; the last two are appended as
 * `&value`, as documented by the providers that use this shape.
 */
export const appendToOriginalUrl: NextRequest = (next, _previous, first) => {
	if (isAbsoluteUrl(next)) return followNextUrl(next, first, first);
	const fragment = next.replace(/^[?&]+/, '');
	let url = first.url;
	const query = serialiseQuery(first.qs);
	if (query) url += `${url.includes('?') ? '&' : '?'}${query}`;
	url += `${url.includes('?') ? '&' : '?'}${fragment}`;
	return { ...withoutKeys(first, ['qs']), url };
};

/** Reads a Relay connection: `{ page_info: { has_next_page, end_cursor }, edges: [{ node }] }`. */
export function readRelayConnection<T = IDataObject>(connection: unknown): Page<T> {
	const value = (connection ?? {}) as IDataObject;
	const pageInfo = (value.page_info ?? value.pageInfo ?? {}) as IDataObject;
	const edges = Array.isArray(value.edges) ? (value.edges as IDataObject[]) : [];
	const items = edges.map((edge) => (edge && 'node' in edge ? edge.node : edge) as T);
	const hasNext = pageInfo.has_next_page ?? pageInfo.hasNextPage;
	const cursor = pageInfo.end_cursor ?? pageInfo.endCursor ?? pageInfo.cursor;
	return { items, next: hasNext === true && typeof cursor === 'string' ? cursor : undefined };
}
