/** History operations through the real engine: exact queries, exact rows, exact limits. */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../harness/engine';
import { API_KEY, credentials, HOST, registry } from '../../fixtures/ayrshare/registry';

const auth = { reqheaders: { authorization: `Bearer ${API_KEY}` }, badheaders: ['profile-key'] };

function run(parameters: IDataObject, input: IDataObject[] = [{}]) {
	return runNode(registry, { type: 'ayrshare', parameters: { resource: 'history', ...parameters }, credentials: credentials() }, input);
}

function post(id: string, extra: Record<string, unknown> = {}) {
	return {
		id,
		post: `Post ${id}`,
		platforms: ['twitter', 'facebook'],
		postIds: [{ platform: 'twitter', id: `t-${id}`, status: 'success' }],
		errors: [],
		status: 'success',
		scheduleDate: { _seconds: 1604578889, _nanoseconds: 0, utc: '2020-11-05T12:21:29Z' },
		...extra,
	};
}

function row(id: string) {
	return {
		id,
		post: `Post ${id}`,
		platforms: 'twitter, facebook',
		postIds: JSON.stringify([{ platform: 'twitter', id: `t-${id}`, status: 'success' }]),
		errors: '',
		status: 'success',
		'scheduleDate._seconds': 1604578889,
		'scheduleDate._nanoseconds': 0,
		'scheduleDate.utc': '2020-11-05T12:21:29Z',
	};
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('History > Get Many', () => {
	it('sends the Limit as lastRecords and limit with the default Last Days, and emits one flat row per post', async () => {
		const scope = nock(HOST, auth)
			.get('/api/history')
			.query({ lastDays: '30', lastRecords: '2', limit: '2' })
			.reply(200, { history: [post('p1'), post('p2')], refId: 'r', count: 2 });

		const result = await run({ operation: 'getAll', limit: 2 });

		expect(scope.isDone()).toBe(true);
		expect(result.items()).toEqual([
			{ json: row('p1'), pairedItem: { item: 0 } },
			{ json: row('p2'), pairedItem: { item: 0 } },
		]);
	});

	it('cuts exactly to the Limit when Ayrshare sends more (an API that ignores lastRecords)', async () => {
		nock(HOST, auth)
			.get('/api/history')
			.query({ lastDays: '30', lastRecords: '2', limit: '2' })
			.reply(200, [post('p1'), post('p2'), post('p3')]);

		const result = await run({ operation: 'getAll', limit: 2 });

		expect(result.json().map((json) => json.id)).toEqual(['p1', 'p2']);
	});

	it('with Return All sends limit=1000 (Ayrshare\'s cap; its default of 25 would cut it short) and no lastRecords', async () => {
		const scope = nock(HOST, auth)
			.get('/api/history')
			.query({ lastDays: '0', limit: '1000', platform: 'instagram', status: 'awaiting approval' })
			.reply(200, { posts: [post('p1')] });

		const result = await run({ operation: 'getAll', returnAll: true, lastDays: 0, platform: 'instagram', status: 'awaiting approval' });

		expect(scope.isDone()).toBe(true);
		expect(result.json()).toEqual([row('p1')]);
	});

	it('with Return All and Last Records sends that count', async () => {
		const scope = nock(HOST, auth)
			.get('/api/history')
			.query({ lastDays: '7', lastRecords: '1500', limit: '1000' })
			.reply(200, { history: [] });

		const result = await run({ operation: 'getAll', returnAll: true, lastRecords: 1500, lastDays: 7 });

		expect(scope.isDone()).toBe(true);
		expect(result.items()).toEqual([]);
	});

	it('emits the posts unchanged with Simplify off', async () => {
		nock(HOST, auth).get('/api/history').query(true).reply(200, { history: [post('p1')] });
		const result = await run({ operation: 'getAll', simplify: false });
		expect(result.json()).toEqual([post('p1')]);
	});

	it('rejects a negative Last Days, a Limit below 1 and an unknown status before any request', async () => {
		expect((await run({ operation: 'getAll', lastDays: -1 })).error?.message).toBe('Invalid "Last Days": -1 is not a whole number 0 or more');
		expect((await run({ operation: 'getAll', limit: 0 })).error?.message).toBe('Invalid "Limit": 0 is not a whole number 1 or more');
		expect((await run({ operation: 'getAll', status: '={{ "archived" }}' })).error?.message).toBe('Invalid "Status": "archived" is not a post status');
	});
});

describe('History > Get by Platform', () => {
	it('sends GET /history/{platform} and emits one row per post with the platform', async () => {
		const scope = nock(HOST, auth)
			.get('/api/history/instagram')
			.reply(200, {
				status: 'success',
				posts: [
					{ id: '1789', post: 'hi', likeCount: 3, commentsCount: null, created: '2025-01-06T21:35:08Z' },
					{ id: '1790', post: 'yo', likeCount: '7' },
				],
			});

		const result = await run({ operation: 'getByPlatform', platform: 'instagram', returnAll: true });

		expect(scope.isDone()).toBe(true);
		expect(result.json()).toEqual([
			{ platform: 'instagram', id: '1789', post: 'hi', likeCount: 3, commentsCount: null, created: '2025-01-06T21:35:08Z' },
			{ platform: 'instagram', id: '1790', post: 'yo', likeCount: '7' },
		]);
	});

	it('reads a bare array and cuts to the Limit', async () => {
		nock(HOST, auth).get('/api/history/facebook').reply(200, [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
		const result = await run({ operation: 'getByPlatform', platform: 'facebook', limit: 2 });
		expect(result.json()).toEqual([
			{ platform: 'facebook', id: 'a' },
			{ platform: 'facebook', id: 'b' },
		]);
	});

	it('keeps a platform the post itself names, and the posts unchanged with Simplify off', async () => {
		nock(HOST, auth).get('/api/history/tiktok').reply(200, { posts: [{ id: 'a', platform: 'TikTok', stats: { plays: 1 } }] });
		expect((await run({ operation: 'getByPlatform', platform: 'tiktok' })).json()).toEqual([{ id: 'a', platform: 'TikTok', 'stats.plays': 1 }]);
		nock(HOST, auth).get('/api/history/tiktok').reply(200, { posts: [{ id: 'a', stats: { plays: 1 } }] });
		expect((await run({ operation: 'getByPlatform', platform: 'tiktok', simplify: false })).json()).toEqual([{ id: 'a', stats: { plays: 1 } }]);
	});

	it('rejects a platform Ayrshare has no history for', async () => {
		const result = await run({ operation: 'getByPlatform', platform: '={{ "myspace" }}' });
		expect(result.error?.message).toBe('Invalid "Platform": "myspace" is not supported here');
	});
});
