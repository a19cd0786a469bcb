import {
	classifyResponse,
	describeData365Error,
	errorTypeOf,
	GRAPH_PATHS,
	readV11Page,
	V11_PATHS,
} from '../../../nodes/Data365/transport';

const response = (statusCode: number, body: unknown, headers: Record<string, string> = {}) => ({ statusCode, body, headers });

describe('Data365 transport', () => {
	it('keeps every path in one place', () => {
		expect(GRAPH_PATHS.node({ kind: 'tag', id: 'süß' })).toBe('/tag/s%C3%BC%C3%9F');
		expect(V11_PATHS.node({ kind: 'user', id: 'spacex' })).toBe('/instagram/profile/spacex');
		expect(V11_PATHS.update({ kind: 'media', id: '1' })).toBe('/instagram/post/1/update');
		expect(V11_PATHS.edge({ kind: 'user', id: 'spacex' }, 'media')).toBe('/instagram/profile/spacex/feed/posts');
		expect(V11_PATHS.edge({ kind: 'tag', id: 'juice' }, 'media')).toBe('/instagram/tag/juice/posts');
		expect(V11_PATHS.edge({ kind: 'media', id: '1' }, 'comments')).toBe('/instagram/post/1/comments');
		expect(() => V11_PATHS.edge({ kind: 'tag', id: 'x' }, 'comments')).toThrow('Data365 v1.1 has no "comments" list on tag');
	});

	it('reads the error type of both envelopes', () => {
		expect(errorTypeOf({ error: {}, data: {}, status: 'ok' })).toBeUndefined();
		expect(errorTypeOf({ error: { type: 'RequestAccepted' }, status: 'accepted' })).toBeUndefined();
		expect(errorTypeOf({ error: { type: 'InvalidRequestError' }, status: 'InvalidRequestError' })).toBe('InvalidRequestError');
		expect(errorTypeOf({ status: 'fail', error: { code: 'NotFoundError' }, data: null })).toBe('NotFoundError');
		expect(errorTypeOf({ status: 'fail', error: null })).toBe('fail');
		expect(errorTypeOf('text')).toBeUndefined();
	});

	it('classifies: 202 and ok are success, an error type in a 2xx body fails, 500/429 retry', () => {
		expect(classifyResponse(response(202, { status: 'accepted', error: { type: 'RequestAccepted' } }))).toEqual({ outcome: 'success' });
		expect(classifyResponse(response(200, { status: 'ok', data: {} }))).toEqual({ outcome: 'success' });
		expect(classifyResponse(response(200, { status: 'NodeNotExistsError', error: { type: 'NodeNotExistsError' } }))).toEqual({ outcome: 'fail' });
		expect(classifyResponse(response(200, { status: 'InternalServerError', error: { type: 'InternalServerError' } }))).toEqual({
			outcome: 'retry',
			reason: 'InternalServerError',
		});
		expect(classifyResponse(response(500, {}))).toMatchObject({ outcome: 'retry' });
		expect(classifyResponse(response(429, {}, { 'retry-after': '3' }))).toEqual({
			outcome: 'retry',
			reason: 'rate limited (HTTP 429)',
			waitMs: 3000,
		});
		expect(classifyResponse(response(403, {}))).toEqual({ outcome: 'fail' });
	});

	it('describes errors in the API\'s words with a hint, naming the target', () => {
		expect(
			describeData365Error(response(404, { error: { message: 'Some nodes you requested cannot be loaded: 1690', type: 'NodeNotExistsError' }, status: 'NodeNotExistsError' }), {
				kind: 'media',
				id: '1690',
			}),
		).toEqual({
			code: 'NodeNotExistsError',
			requestId: undefined,
			message: 'Data365 could not find the Instagram media "1690": Some nodes you requested cannot be loaded: 1690',
			hint: expect.stringContaining('Check the spelling'),
		});
		expect(describeData365Error(response(403, { error: { message: 'Invalid access token', type: 'AuthenticationError' } }))).toMatchObject({
			message: 'The Data365 access token is missing or invalid: Invalid access token',
		});
		expect(describeData365Error(response(400, { status: 'fail', error: { code: 'ValidationError', message: 'from_date: bad' } }))).toMatchObject({
			message: 'Data365 rejected the request: from_date: bad',
			code: 'ValidationError',
		});
		expect(describeData365Error(response(502, '<html>Bad gateway</html>', { 'X-Request-Id': 'r-1' }))).toEqual({
			code: 502,
			requestId: 'r-1',
			message: 'Data365 had an internal error: <html>Bad gateway</html>',
			hint: expect.any(String),
		});
		expect(describeData365Error(response(404, { message: 'nope' }))).toMatchObject({
			message: 'Data365 could not find the requested user, media or hashtag: nope',
		});
		expect(describeData365Error(response(418, {}))).toEqual({ code: 418, requestId: undefined, message: 'Data365: HTTP 418' });
	});

	it('reads v1.1 pages in their variants', () => {
		expect(readV11Page({ status: 'ok', data: { items: [{ id: 1 }], page_info: { has_next_page: true, cursor: 'c' } } })).toEqual({
			items: [{ id: 1 }],
			next: 'c',
		});
		expect(readV11Page({ data: { items: [{ id: 1 }], page_info: { has_next_page: false, cursor: 'c' } } })).toEqual({
			items: [{ id: 1 }],
			next: undefined,
		});
		expect(readV11Page({ data: [{ id: 2 }], page_info: { hasNextPage: 'true', next_cursor: 'n' } })).toEqual({ items: [{ id: 2 }], next: 'n' });
		expect(readV11Page({ data: { items: [{ id: 3 }], page_info: { end_cursor: 'e' } } })).toEqual({ items: [{ id: 3 }], next: 'e' });
		expect(readV11Page({ data: { items: [], page_info: { cursor: 'e' } } })).toEqual({ items: [], next: undefined });
		expect(readV11Page({ data: null })).toEqual({ items: [], next: undefined });
	});
});
