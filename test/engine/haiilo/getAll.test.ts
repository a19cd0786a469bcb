import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { runNode } from '../../harness/engine';
import {
	HOST,
	TOKEN,
	credentials,
	credentialsFor,
	fakeTime,
	makeShares,
	registry,
	sharesApi,
} from '../../fixtures/haiilo/registry';

const time = fakeTime();

beforeAll(() => nock.disableNetConnect());
beforeEach(() => time.install());
afterEach(() => {
	time.restore();
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const FROM = '2023-11-01T00:00:00Z';
const TO = '2023-11-20T00:00:00Z';
const RANGE_QUERY = 'from=2023-11-01T00%3A00%3A00.000Z&to=2023-11-20T00%3A00%3A00.000Z';

function getAll(parameters: IDataObject, input?: IDataObject[], creds = credentials) {
	return runNode(
		registry,
		{ type: 'haiiloShare', parameters: { resource: 'share', operation: 'getAll', ...parameters }, credentials: creds },
		input,
	);
}

describe('Haiilo Share > Share > Get Many', () => {
	it('sends the Bearer token and the range as RFC 3339 UTC to {subdomain}.smarpshare.com, and emits flat rows', async () => {
		const api = sharesApi([
			{
				body: {
					shares: [
						{ id: 11, sharerId: 7, network: 'Instagram', createdAt: '2023-11-02T10:00:00Z', post: { id: 5, title: 'Launch' } },
						{ id: 12, sharerId: 8, network: 'LinkedIn', createdAt: '2023-11-03T10:00:00Z', post: null },
					],
				},
			},
		]);

		const result = await getAll({ from: FROM, to: TO, returnAll: true });

		expect(result.status).toBe('success');
		expect(api.seen).toEqual([
			{
				method: 'GET',
				uri: `/api/v1/shares?${RANGE_QUERY}`,
				query: { from: '2023-11-01T00:00:00.000Z', to: '2023-11-20T00:00:00.000Z' },
				authorization: `Bearer ${TOKEN}`,
			},
		]);
		expect(result.items()).toEqual([
			{
				json: { id: 11, sharerId: 7, network: 'Instagram', createdAt: '2023-11-02T10:00:00Z', 'post.id': 5, 'post.title': 'Launch', post: null },
				pairedItem: { item: 0 },
			},
			{
				json: { id: 12, sharerId: 8, network: 'LinkedIn', createdAt: '2023-11-03T10:00:00Z', 'post.id': null, 'post.title': null, post: null },
				pairedItem: { item: 0 },
			},
		]);
		expect(JSON.stringify(result.run)).not.toContain(TOKEN);
	});

	it('returns the shares unchanged with Simplify off, and converts a date with an offset to UTC', async () => {
		const share = { id: 'a', network: { name: 'Instagram', id: 3 }, createdAt: '2023-11-02T10:00:00Z' };
		const api = sharesApi([{ body: { shares: [share] } }]);

		const result = await getAll({ from: '2023-11-01T02:00:00+02:00', returnAll: true, simplify: false });

		expect(api.seen[0].query).toEqual({ from: '2023-11-01T00:00:00.000Z' });
		expect(result.items()).toEqual([{ json: share, pairedItem: { item: 0 } }]);
	});

	it('sends no from/to when they are empty', async () => {
		const api = sharesApi([{ body: { shares: [] } }]);
		const result = await getAll({ returnAll: true });
		expect(result.status).toBe('success');
		expect(api.seen.map((request) => request.uri)).toEqual(['/api/v1/shares']);
		expect(result.items()).toEqual([]);
	});

	describe('follows `next` until it is absent, in each of its forms', () => {
		it('a query fragment (after=123) is appended to the original URL', async () => {
			const api = sharesApi([
				{ body: { next: 'after=1000', shares: makeShares(1000, 1) } },
				{ body: { next: '&after=2000', shares: makeShares(1000, 1001) } },
				{ body: { shares: makeShares(5, 2001) } },
			]);

			const result = await getAll({ from: FROM, to: TO, returnAll: true });

			expect(api.seen.map((request) => request.uri)).toEqual([
				`/api/v1/shares?${RANGE_QUERY}`,
				`/api/v1/shares?${RANGE_QUERY}&after=1000`,
				`/api/v1/shares?${RANGE_QUERY}&after=2000`,
			]);
			expect(result.items()).toHaveLength(2005);
			expect(result.json().map((row) => row.id)).toEqual(Array.from({ length: 2005 }, (_, index) => index + 1));
		});

		it('a bare token is appended to the original URL as &token, as the KB says', async () => {
			const api = sharesApi([
				{ body: { next: 'eyJwIjoyfQ', shares: makeShares(1000, 1) } },
				{ body: { next: 'eyJwIjozfQ', shares: makeShares(1000, 1001) } },
				{ body: { next: null, shares: makeShares(1, 2001) } },
			]);

			const result = await getAll({ from: FROM, to: TO, returnAll: true });

			expect(api.seen.map((request) => request.uri)).toEqual([
				`/api/v1/shares?${RANGE_QUERY}`,
				`/api/v1/shares?${RANGE_QUERY}&eyJwIjoyfQ`,
				`/api/v1/shares?${RANGE_QUERY}&eyJwIjozfQ`,
			]);
			expect(result.items()).toHaveLength(2001);
		});

		it('a bare token without from/to starts the query string', async () => {
			const api = sharesApi([{ body: { next: 'p2', shares: makeShares(2, 1) } }, { body: { next: '', shares: makeShares(1, 3) } }]);
			const result = await getAll({ returnAll: true });
			expect(api.seen.map((request) => request.uri)).toEqual(['/api/v1/shares', '/api/v1/shares?p2']);
			expect(result.items()).toHaveLength(3);
		});

		it('a full URL is requested as it is, with the token', async () => {
			const api = sharesApi([
				{ body: { next: `${HOST}/api/v1/shares?page=2&from=2023-11-01T00:00:00Z`, shares: makeShares(1000, 1) } },
				{ body: { next: `${HOST}/api/v1/shares?page=3&from=2023-11-01T00:00:00Z`, shares: makeShares(1000, 1001) } },
				{ body: { shares: makeShares(10, 2001) } },
			]);

			const result = await getAll({ from: FROM, returnAll: true });

			expect(api.seen.map((request) => [request.uri, request.authorization])).toEqual([
				['/api/v1/shares?from=2023-11-01T00%3A00%3A00.000Z', `Bearer ${TOKEN}`],
				['/api/v1/shares?page=2&from=2023-11-01T00:00:00Z', `Bearer ${TOKEN}`],
				['/api/v1/shares?page=3&from=2023-11-01T00:00:00Z', `Bearer ${TOKEN}`],
			]);
			expect(result.items()).toHaveLength(2010);
		});
	});

	describe('Limit is exact and no request is made once it is reached', () => {
		it('takes 1500 of 3000 shares in two requests', async () => {
			const api = sharesApi([
				{ body: { next: 'after=1000', shares: makeShares(1000, 1) } },
				{ body: { next: 'after=2000', shares: makeShares(1000, 1001) } },
			]);

			const result = await getAll({ from: FROM, to: TO, returnAll: false, limit: 1500 });

			expect(api.seen).toHaveLength(2);
			expect(result.json().map((row) => row.id)).toEqual(Array.from({ length: 1500 }, (_, index) => index + 1));
			expect(nock.pendingMocks()).toEqual([]);
		});

		it('takes exactly 1000 from a full first page without asking for the next', async () => {
			const api = sharesApi([{ body: { next: 'after=1000', shares: makeShares(1000, 1) } }]);
			const result = await getAll({ returnAll: false, limit: 1000 });
			expect(api.seen).toHaveLength(1);
			expect(result.items()).toHaveLength(1000);
		});

		it('defaults to 50', async () => {
			sharesApi([{ body: { next: 'after=1000', shares: makeShares(1000, 1) } }]);
			const result = await getAll({});
			expect(result.items()).toHaveLength(50);
		});

		it('counts only shares to the chosen networks, and stops reading once enough are found', async () => {
			const api = sharesApi([
				{ body: { next: 'after=4', shares: [...makeShares(3, 1, 'LinkedIn'), ...makeShares(1, 4, 'Instagram')] } },
				{ body: { next: 'after=8', shares: [...makeShares(2, 5, 'instagram'), ...makeShares(2, 7, 'Facebook')] } },
				{ body: { next: 'after=12', shares: makeShares(4, 9, 'Instagram') } },
			]);

			const result = await getAll({ returnAll: false, limit: 4, networks: ['instagram'] });

			expect(result.json().map((row) => [row.id, row.network])).toEqual([
				[4, 'Instagram'],
				[5, 'instagram'],
				[6, 'instagram'],
				[9, 'Instagram'],
			]);
			expect(api.seen).toHaveLength(3);
		});
	});

	it('filters by chosen and typed networks, whatever the field is called, and by keyword where there is none', async () => {
		sharesApi([
			{
				body: {
					data: [
						{ id: 1, channelName: 'INSTAGRAM' },
						{ id: 2, socialNetwork: 'Weibo' },
						{ id: 3, networkName: 'LinkedIn' },
						{ id: 4, text: 'Shared to Instagram from the app' },
						{ id: 5, channel: 'Company News', target: 'weibo.com/123' },
						{ id: 6, channel: 'Company News', text: 'Nothing here' },
					],
				},
			},
		]);

		const result = await getAll({ returnAll: true, networks: ['instagram'], otherNetworks: 'Weibo' });

		expect(result.json().map((row) => row.id)).toEqual([1, 2, 4, 5]);
	});

	it('reads every documented-or-likely page shape', async () => {
		sharesApi([{ body: [{ id: 1 }, { id: 2 }] }]);
		expect((await getAll({ returnAll: true })).json()).toEqual([{ id: 1 }, { id: 2 }]);

		sharesApi([{ body: { Next: 'after=1', Items: [{ Id: 1 }] } }, { body: { results: [{ Id: 2 }] } }]);
		expect((await getAll({ returnAll: true })).json()).toEqual([{ Id: 1 }, { Id: 2 }]);

		sharesApi([{ body: { next: 'after=1', data: { shares: [{ id: 1 }] } } }, { body: { data: { shares: [] } } }]);
		expect((await getAll({ returnAll: true })).json()).toEqual([{ id: 1 }]);
	});

	it('runs once per input item, each row paired with its item', async () => {
		const api = sharesApi([{ body: { shares: makeShares(1, 1) } }, { body: { shares: makeShares(2, 2) } }]);

		const result = await getAll({ returnAll: true, from: '={{ $json.from }}' }, [
			{ from: '2024-01-01T00:00:00Z' },
			{ from: '2024-02-01T00:00:00Z' },
		]);

		expect(api.seen.map((request) => request.query.from)).toEqual(['2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z']);
		expect(result.items().map((item) => [item.json.id, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 1 }],
			[3, { item: 1 }],
		]);
	});

	it('uses the Base URL of the credential when set, without trailing slashes', async () => {
		const api = sharesApi([{ body: { shares: [] } }], 'https://proxy.example.org');
		const result = await getAll({ returnAll: true }, undefined, credentialsFor('https://proxy.example.org/haiilo/'));
		expect(result.status).toBe('success');
		expect(api.seen.map((request) => request.uri)).toEqual(['/haiilo/api/v1/shares']);
	});

	describe('bad input fails before any request, naming the parameter', () => {
		beforeEach(() => {
			nock(HOST).get(/.*/).reply(500, 'must not be called');
		});
		afterEach(() => expect(nock.pendingMocks()).toHaveLength(1));

		it.each([
			[{ from: 'last tuesday' }, 'Invalid "From": "last tuesday" is not a date'],
			[{ to: '2023-13-45' }, 'Invalid "To": "2023-13-45" is not a date'],
			[
				{ from: '2023-11-20T00:00:00Z', to: '2023-11-01T00:00:00Z' },
				'Invalid "From": 2023-11-20T00:00:00.000Z is after "To" (2023-11-01T00:00:00.000Z)',
			],
			[{ returnAll: false, limit: 0 }, 'Invalid "Limit": 0 is not a whole number 1 or more'],
		])('%j', async (parameters, message) => {
			const result = await getAll(parameters);
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(message);
		});
	});

	describe('provider failures', () => {
		it('401: the provider words, a hint about expired tokens and deleted users, no token anywhere', async () => {
			sharesApi([
				{
					status: 401,
					body: { message: `Token ${TOKEN} has expired`, code: 'TOKEN_EXPIRED' },
					headers: { 'x-request-id': 'req-401' },
				},
			]);

			const result = await getAll({ returnAll: true });

			expect(result.status).toBe('error');
			expect(result.error?.message).toBe('Token [redacted] has expired');
			expect(result.error?.description).toBe(
				'Haiilo Share did not accept the access token. A token stops working when it is revoked or when the user who created it is deleted. Create a new one under Settings > Access tokens, ideally as a service user that will not leave, and update the credential. Haiilo Share error code: TOKEN_EXPIRED. Request ID: req-401.',
			);
			expect(result.error?.httpCode).toBe('401');
			expect(JSON.stringify(result.run)).not.toContain(TOKEN);
		});

		it('403: a hint about the user behind the token, and no retry', async () => {
			const api = sharesApi([{ status: 403, body: { error: { message: 'Forbidden', code: 403 } } }]);

			const result = await getAll({ returnAll: true });

			expect(api.seen).toHaveLength(1);
			expect(result.error?.message).toBe('Forbidden');
			expect(result.error?.description).toMatch(/^The access token was refused for the shares API\. The user who created it may have been deleted/);
			expect(time.waits).toEqual([]);
		});

		it('retries a 500 and a 429 (honouring Retry-After), then goes on paging', async () => {
			const api = sharesApi([
				{ status: 500, body: 'upstream error' },
				{ body: { next: 'after=2', shares: makeShares(2, 1) } },
				{ status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '3' } },
				{ body: { shares: makeShares(1, 3) } },
			]);

			const result = await getAll({ returnAll: true });

			expect(result.json().map((row) => row.id)).toEqual([1, 2, 3]);
			expect(api.seen.map((request) => request.uri)).toEqual([
				'/api/v1/shares',
				'/api/v1/shares',
				'/api/v1/shares?after=2',
				'/api/v1/shares?after=2',
			]);
			expect(time.waits).toEqual([500, 3000]);
		});

		it('fails when asked to wait longer than Max Wait on Rate Limit, saying when access returns', async () => {
			time.install(() => Date.UTC(2024, 0, 1, 12));
			sharesApi([{ status: 429, body: { message: 'Rate limit exceeded' }, headers: { 'retry-after': '600' } }]);

			const result = await getAll({ returnAll: true, options: { maxWaitSeconds: 60 } });

			expect(result.error?.message).toBe(
				'Rate limit exceeded - Haiilo Share asks to wait 10 minutes, until 2024-01-01T12:10:00.000Z',
			);
			expect(time.waits).toEqual([]);
		});

		it('stops with an error when the API repeats a next value', async () => {
			sharesApi([
				{ body: { next: 'after=2', shares: makeShares(2, 1) } },
				{ body: { next: 'after=2', shares: makeShares(2, 1) } },
			]);

			const result = await getAll({ returnAll: true });

			expect(result.error?.message).toBe(
				'The API returned the same next-page value twice while listing shares; stopped to avoid an endless loop',
			);
		});

		it('turns a failing item into an error item under Continue On Fail, and the others go on', async () => {
			sharesApi([{ status: 401, body: { message: 'Unauthorized' } }, { body: { shares: makeShares(1, 1) } }]);

			const result = await runNode(
				registry,
				{
					type: 'haiiloShare',
					parameters: { resource: 'share', operation: 'getAll', returnAll: true },
					credentials,
					continueOnFail: true,
				},
				[{}, {}],
			);

			expect(result.status).toBe('success');
			expect(result.items()).toEqual([
				{
					json: {
						error: 'Unauthorized',
						description: expect.stringMatching(/^Haiilo Share did not accept the access token\./),
					},
					pairedItem: { item: 0 },
				},
				{
					json: { id: 1, sharerId: 7, network: 'LinkedIn', createdAt: '2024-01-01T00:01:00.000Z' },
					pairedItem: { item: 1 },
				},
			]);
		});

		it('says when the credential has neither Subdomain nor Base URL', async () => {
			const result = await getAll({ returnAll: true }, undefined, { haiiloShareApi: { subdomain: ' ', accessToken: TOKEN } });
			expect(result.error?.message).toBe('The Haiilo Share credential has no Subdomain');
		});
	});
});
