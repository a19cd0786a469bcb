import { baseUrlFrom, describeHaiiloError, readSharesPage } from '../../../nodes/HaiiloShare/transport';

describe('Haiilo Share transport', () => {
	describe('readSharesPage', () => {
		it.each([
			[[{ id: 1 }], { items: [{ id: 1 }] }],
			[{ next: 'after=1', shares: [{ id: 1 }] }, { items: [{ id: 1 }], next: 'after=1' }],
			[{ Next: 'tok', Shares: [{ id: 1 }] }, { items: [{ id: 1 }], next: 'tok' }],
			[{ next: null, data: [{ id: 1 }] }, { items: [{ id: 1 }], next: undefined }],
			[{ next: '', items: [] }, { items: [], next: undefined }],
			[{ nextPage: 42, results: [{ id: 1 }] }, { items: [{ id: 1 }], next: '42' }],
			[{ data: { shares: [{ id: 1 }] }, paging: { next: 'https://x/api' } }, { items: [{ id: 1 }], next: 'https://x/api' }],
			[{}, { items: [], next: undefined }],
			[undefined, { items: [] }],
			['', { items: [] }],
		])('%j', (body, page) => {
			expect(readSharesPage(body)).toEqual(page);
		});
	});

	describe('describeHaiiloError', () => {
		const response = (statusCode: number, body: unknown, headers = {}) => ({ statusCode, body, headers });

		it.each([
			[response(401, { message: 'Unauthorized' }), 'Unauthorized', undefined],
			[response(400, { Message: 'The request is invalid.' }), 'The request is invalid.', undefined],
			[response(400, { error: 'invalid_request', error_description: 'from is wrong' }), 'from is wrong', 'invalid_request'],
			[response(403, { error: { message: 'Nope', code: 'E403' } }), 'Nope', 'E403'],
			[response(422, { errors: [{ message: 'to: bad' }] }), 'to: bad', undefined],
			[response(404, { title: 'Not Found', status: 404, traceId: 't-1' }), 'Not Found', undefined],
			[response(502, '<html>Bad gateway</html>'), 'Haiilo Share answered HTTP 502', undefined],
			[response(500, 'Something broke'), 'Something broke', undefined],
			[response(500, undefined), 'Haiilo Share answered HTTP 500', undefined],
		])('reads %j', (input, message, code) => {
			const info = describeHaiiloError(input);
			expect(info.message).toBe(message);
			expect(info.code).toBe(code);
		});

		it('finds a request id in the body or the headers', () => {
			expect(describeHaiiloError(response(404, { title: 'Not Found', traceId: 't-1' })).requestId).toBe('t-1');
			expect(describeHaiiloError(response(500, {}, { 'X-Request-Id': 'h-2' })).requestId).toBe('h-2');
		});

		it('hints in plain words by status', () => {
			expect(describeHaiiloError(response(401, {})).hint).toMatch(/user who created it is deleted.*service user/);
			expect(describeHaiiloError(response(403, {})).hint).toMatch(/may have been deleted/);
			expect(describeHaiiloError(response(404, {})).hint).toMatch(/Subdomain/);
			expect(describeHaiiloError(response(503, {})).hint).toMatch(/trouble/);
			expect(describeHaiiloError(response(418, {})).hint).toBeUndefined();
		});
	});

	describe('baseUrlFrom', () => {
		it.each([
			[{ subdomain: 'acme' }, 'https://acme.smarpshare.com'],
			[{ subdomain: ' acme.smarpshare.com ' }, 'https://acme.smarpshare.com'],
			[{ subdomain: 'https://acme.smarpshare.com/' }, 'https://acme.smarpshare.com'],
			[{ subdomain: 'acme', baseUrl: 'http://127.0.0.1:9000/haiilo//' }, 'http://127.0.0.1:9000/haiilo'],
			[{ baseUrl: 'https://acme.smarpshare.com/api/v1/' }, 'https://acme.smarpshare.com'],
			[{ subdomain: '', baseUrl: '' }, undefined],
			[{}, undefined],
		])('%j -> %s', (credentials, url) => {
			expect(baseUrlFrom(credentials)).toBe(url);
		});
	});
});
