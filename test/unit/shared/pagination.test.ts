import type { IHttpRequestOptions, INode } from 'n8n-workflow';

import {
	appendToOriginalUrl,
	collectAll,
	cursorParameter,
	followNextUrl,
	paginate,
	readRelayConnection,
	type Page,
} from '../../../nodes/shared/pagination';

const node: INode = { id: '1', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

/** A fake API of `total` numbered records; `next` is the offset. */
function fakeApi(total: number, pageMax = 10) {
	const requests: IHttpRequestOptions[] = [];
	return {
		requests,
		fetchPage: async (request: IHttpRequestOptions) => {
			requests.push(request);
			const start = Number(request.qs?.offset ?? 0);
			const size = Math.min(pageMax, Number(request.qs?.size ?? pageMax));
			const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
			return { items, next: start + items.length < total ? String(start + items.length) : undefined };
		},
		readPage: (body: unknown) => body as Page<number>,
	};
}

describe('paginate', () => {
	const first: IHttpRequestOptions = { method: 'GET', url: 'https://api/x', qs: {} };

	it('returns everything when there is no limit, stopping when next is absent', async () => {
		const api = fakeApi(25);
		const items = await collectAll(node, { first, ...api, nextRequest: cursorParameter('offset') });
		expect(items).toEqual(Array.from({ length: 25 }, (_, i) => i));
		expect(api.requests.map((r) => r.qs)).toEqual([{}, { offset: '10' }, { offset: '20' }]);
	});

	it('is exact on a limit, shrinks the last page, and makes no request once reached', async () => {
		const api = fakeApi(100);
		const items = await collectAll(node, {
			first,
			...api,
			nextRequest: cursorParameter('offset'),
			limit: 23,
			pageSize: { max: 10, apply: (request, size) => ({ ...request, qs: { ...request.qs, size } }) },
		});
		expect(items).toHaveLength(23);
		expect(api.requests.map((r) => r.qs)).toEqual([{ size: 10 }, { offset: '10', size: 10 }, { offset: '20', size: 3 }]);
	});

	it('cuts a page longer than what is still needed when the API ignores the page size', async () => {
		const api = fakeApi(100);
		const items = await collectAll(node, { first, ...api, nextRequest: cursorParameter('offset'), limit: 5 });
		expect(items).toEqual([0, 1, 2, 3, 4]);
		expect(api.requests).toHaveLength(1);
	});

	it('stops with an error when a next value repeats', async () => {
		const fetchPage = async () => ({ items: [1], next: 'same' });
		await expect(
			collectAll(node, { first, fetchPage, readPage: (b) => b as Page<number>, nextRequest: cursorParameter('c'), what: 'shares' }),
		).rejects.toThrow('The API returned the same next-page value twice while listing shares; stopped to avoid an endless loop');
	});

	it('stops with an error past the page guard', async () => {
		let n = 0;
		const fetchPage = async () => ({ items: [n], next: String(++n) });
		await expect(
			collectAll(node, { first, fetchPage, readPage: (b) => b as Page<number>, nextRequest: cursorParameter('c'), maxPages: 3 }),
		).rejects.toThrow('Stopped after 3 pages of records: the API kept returning more pages');
	});

	it('yields page by page so a caller can count without keeping records', async () => {
		const api = fakeApi(30);
		const sizes: number[] = [];
		for await (const page of paginate(node, { first, ...api, nextRequest: cursorParameter('offset') })) sizes.push(page.length);
		expect(sizes).toEqual([10, 10, 10]);
	});
});

describe('next-request shapes', () => {
	const first: IHttpRequestOptions = {
		method: 'GET',
		url: 'https://h.example/api/v1/shares',
		qs: { from: '2024-01-01T00:00:00.000Z', to: '2024-02-01T00:00:00.000Z' },
		headers: { accept: 'application/json' },
	};

	it('follows a full next URL as it is, dropping the original query', () => {
		expect(followNextUrl('https://graph.example/v24.0/1/media?after=QQ', first, first)).toEqual({
			method: 'GET',
			url: 'https://graph.example/v24.0/1/media?after=QQ',
			headers: { accept: 'application/json' },
		});
	});

	it('sends a cursor parameter', () => {
		expect(cursorParameter('cursor')('abc', first, first).qs).toEqual({ ...first.qs, cursor: 'abc' });
	});

	it('appends a query fragment or bare token to the original URL, and uses a full URL as it is', () => {
		const original = 'https://h.example/api/v1/shares?from=2024-01-01T00%3A00%3A00.000Z&to=2024-02-01T00%3A00%3A00.000Z';
		expect(appendToOriginalUrl('after=123', first, first).url).toBe(`${original}&after=123`);
		expect(appendToOriginalUrl('&after=123', first, first).url).toBe(`${original}&after=123`);
		expect(appendToOriginalUrl('?after=123', first, first).url).toBe(`${original}&after=123`);
		expect(appendToOriginalUrl('c2hhcmVz', first, first).url).toBe(`${original}&c2hhcmVz`);
		expect(appendToOriginalUrl('c2hhcmVz', first, first).qs).toBeUndefined();
		expect(appendToOriginalUrl('https://h.example/api/v1/shares?page=2', first, first).url).toBe(
			'https://h.example/api/v1/shares?page=2',
		);
		const bare = { method: 'GET' as const, url: 'https://h.example/api/v1/shares' };
		expect(appendToOriginalUrl('after=1', bare, bare).url).toBe('https://h.example/api/v1/shares?after=1');
	});

	it('reads Relay connections in either casing', () => {
		expect(
			readRelayConnection({
				page_info: { has_next_page: true, end_cursor: 'YXJy' },
				edges: [{ node: { id: '1' } }, { node: { id: '2' } }],
			}),
		).toEqual({ items: [{ id: '1' }, { id: '2' }], next: 'YXJy' });
		expect(readRelayConnection({ pageInfo: { hasNextPage: false, endCursor: 'x' }, edges: [] })).toEqual({
			items: [],
			next: undefined,
		});
		expect(readRelayConnection(undefined)).toEqual({ items: [], next: undefined });
	});
});
