/**
 * Analytics operations through n8n-core's real engine, with Ayrshare's HTTP
 * intercepted: the exact requests sent and the exact items emitted.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../harness/engine';
import { API_KEY, credentials, HOST, registry } from '../../fixtures/ayrshare/registry';

const auth = { reqheaders: { authorization: `Bearer ${API_KEY}` }, badheaders: ['profile-key'] };

function run(parameters: IDataObject, input: IDataObject[] = [{}], continueOnFail = false) {
	return runNode(registry, { type: 'ayrshare', parameters: { resource: 'analytics', ...parameters }, credentials: credentials(), continueOnFail }, input);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const igAnalytics = { likeCount: 12, commentsCount: '3', reachCount: null, viewsCount: 900 };

describe('Analytics > Get Post', () => {
	it('sends POST /analytics/post { id, platforms } and emits one row per platform, one per tweet of a thread', async () => {
		const scope = nock(HOST, auth)
			.post('/api/analytics/post', { id: 'ayr-1', platforms: ['instagram', 'twitter'] })
			.reply(200, {
				status: 'success',
				id: 'ayr-1',
				instagram: { id: 'ig-1', postUrl: 'https://www.instagram.com/p/1', analytics: igAnalytics, lastUpdated: '2025-05-01T10:00:00Z' },
				twitter: [
					{ id: 't-1', postUrl: 'https://x.com/i/status/1', analytics: { publicMetrics: { likeCount: 4, impressionCount: 100 } } },
					{ id: 't-2', postUrl: 'https://x.com/i/status/2', analytics: { publicMetrics: { likeCount: 1 } } },
				],
			});

		const result = await run({ operation: 'getPost', postId: ' ayr-1 ', platforms: ['instagram', 'twitter'] });

		expect(result.status).toBe('success');
		expect(scope.isDone()).toBe(true);
		expect(result.items()).toEqual([
			{
				json: {
					platform: 'instagram',
					id: 'ig-1',
					postUrl: 'https://www.instagram.com/p/1',
					likeCount: 12,
					commentsCount: 3,
					reachCount: null,
					viewsCount: 900,
					lastUpdated: '2025-05-01T10:00:00Z',
				},
				pairedItem: { item: 0 },
			},
			{
				json: { platform: 'twitter', id: 't-1', postUrl: 'https://x.com/i/status/1', 'publicMetrics.likeCount': 4, 'publicMetrics.impressionCount': 100 },
				pairedItem: { item: 0 },
			},
			{
				json: { platform: 'twitter', id: 't-2', postUrl: 'https://x.com/i/status/2', 'publicMetrics.likeCount': 1 },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends no platforms when none are chosen, one request per input item, each row paired with its item', async () => {
		const scope = nock(HOST, auth)
			.post('/api/analytics/post', { id: 'a' })
			.reply(200, { status: 'success', facebook: { id: 'f-a', postUrl: 'u-a', analytics: { likeCount: 1 } } })
			.post('/api/analytics/post', { id: 'b' })
			.reply(200, { status: 'success', facebook: { id: 'f-b', postUrl: 'u-b', analytics: { likeCount: 2 } } });

		const result = await run({ operation: 'getPost', postId: '={{ $json.id }}' }, [{ id: 'a' }, { id: 'b' }]);

		expect(scope.isDone()).toBe(true);
		expect(result.items()).toEqual([
			{ json: { platform: 'facebook', id: 'f-a', postUrl: 'u-a', likeCount: 1 }, pairedItem: { item: 0 } },
			{ json: { platform: 'facebook', id: 'f-b', postUrl: 'u-b', likeCount: 2 }, pairedItem: { item: 1 } },
		]);
	});

	it('returns Ayrshare\'s answer unchanged with Simplify off', async () => {
		const answer = { status: 'success', id: 'ayr-1', instagram: { id: 'ig-1', analytics: igAnalytics }, linkedin: { status: 'error', code: 294, message: 'x' } };
		nock(HOST, auth).post('/api/analytics/post', { id: 'ayr-1' }).reply(200, answer);

		const result = await run({ operation: 'getPost', postId: 'ayr-1', simplify: false });

		expect(result.items()).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});

	it('turns a per-platform error inside a 200 into a row { platform, error } beside the other rows', async () => {
		nock(HOST, auth)
			.post('/api/analytics/post', { id: 'ayr-1' })
			.reply(200, {
				status: 'success',
				facebook: { id: 'f', postUrl: 'u', analytics: { likeCount: 5 } },
				linkedin: { status: 'error', code: 294, message: 'Error getting analytics.' },
			});

		const result = await run({ operation: 'getPost', postId: 'ayr-1' });

		expect(result.json()).toEqual([
			{ platform: 'facebook', id: 'f', postUrl: 'u', likeCount: 5 },
			{ platform: 'linkedin', error: { code: 294, message: 'Error getting analytics.' } },
		]);
	});

	it('reads a top-level status "error" with errors per platform (HTTP 200) as a partial failure', async () => {
		nock(HOST, auth)
			.post('/api/analytics/post', { id: 'ayr-1' })
			.reply(200, {
				status: 'error',
				youtube: { id: 'y', postUrl: 'https://youtu.be/y', analytics: { views: '42' } },
				errors: [{ action: 'analytics', status: 'error', code: 110, message: 'TikTok is not linked.', platform: 'tiktok' }],
			});

		const result = await run({ operation: 'getPost', postId: 'ayr-1' });

		expect(result.status).toBe('success');
		expect(result.json()).toEqual([
			{ platform: 'youtube', id: 'y', postUrl: 'https://youtu.be/y', views: 42 },
			{ platform: 'tiktok', error: { code: 110, message: 'TikTok is not linked.' } },
		]);
	});

	it('fails the item on a platform error with "Fail on Platform Error", in Ayrshare\'s words', async () => {
		nock(HOST, auth)
			.post('/api/analytics/post', { id: 'ayr-1' })
			.reply(200, {
				status: 'success',
				facebook: { id: 'f', analytics: { likeCount: 5 } },
				linkedin: { status: 'error', code: 294, message: 'Error getting analytics.' },
			});

		const result = await run({ operation: 'getPost', postId: 'ayr-1', options: { failOnPlatformError: true } });

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('LinkedIn: Error getting analytics.');
		expect(result.error?.description).toContain('Ayrshare error code: 294.');
		expect(result.error?.description).toContain('re-linking');
	});

	it('fails a 200 whose status is "error" with no platform results, as Ayrshare says it', async () => {
		nock(HOST, auth)
			.post('/api/analytics/post', { id: 'ayr-1' })
			.reply(200, { action: 'analytics', status: 'error', code: 294, message: 'Error getting analytics.' });

		const result = await run({ operation: 'getPost', postId: 'ayr-1' });

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Error getting analytics.');
		expect(result.error?.description).toBe('Ayrshare error code: 294.');
	});

	it('explains a 404 (wrong kind of ID) without retrying', async () => {
		const scope = nock(HOST, auth)
			.post('/api/analytics/post', { id: '17895695668004550' })
			.once()
			.reply(404, { action: 'analytics', status: 'error', code: 186, message: 'Top level post ID not found.' });

		const result = await run({ operation: 'getPost', postId: '17895695668004550' });

		expect(scope.isDone()).toBe(true);
		expect(result.error?.message).toBe('Top level post ID not found.');
		expect(result.error?.description).toContain('Get by Social ID');
		expect(result.error?.httpCode).toBe('404');
	});

	it('rejects an empty Post ID and an unknown platform before any request', async () => {
		const empty = await run({ operation: 'getPost', postId: '  ' });
		expect(empty.error?.message).toBe('Invalid "Post ID": a value is required');
		const unknown = await run({ operation: 'getPost', postId: 'a', platforms: '={{ ["instagram", "myspace"] }}' });
		expect(unknown.error?.message).toBe('Invalid "Platforms": "myspace" is not supported here');
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('Analytics > Get by Social ID', () => {
	it('sends one ID as "id" with searchPlatformId', async () => {
		const scope = nock(HOST, auth)
			.post('/api/analytics/post', { id: '17895695668004550', platforms: ['instagram'], searchPlatformId: true })
			.reply(200, { status: 'success', instagram: { id: '17895695668004550', postUrl: 'p', analytics: { likeCount: 8 } } });

		const result = await run({ operation: 'getBySocialId', socialPostIds: '17895695668004550', platform: 'instagram' });

		expect(scope.isDone()).toBe(true);
		expect(result.json()).toEqual([{ platform: 'instagram', id: '17895695668004550', postUrl: 'p', likeCount: 8 }]);
	});

	it('sends several IDs as "postIds" and emits a row per post, failed ones with their id', async () => {
		const scope = nock(HOST, auth)
			.post('/api/analytics/post', { postIds: ['1', '2', '3'], platforms: ['facebook'], searchPlatformId: true })
			.reply(200, {
				status: 'success',
				facebook: [
					{ id: '1', postUrl: 'u1', analytics: { likeCount: 1 } },
					{ id: '2', status: 'error', code: 186, message: 'Social post ID not found for this account.' },
					{ id: '3', postUrl: 'u3', analytics: { likeCount: 3 } },
				],
			});

		const result = await run({ operation: 'getBySocialId', socialPostIds: '1, 2\n3, 1', platform: 'facebook' });

		expect(scope.isDone()).toBe(true);
		expect(result.json()).toEqual([
			{ platform: 'facebook', id: '1', postUrl: 'u1', likeCount: 1 },
			{ platform: 'facebook', id: '3', postUrl: 'u3', likeCount: 3 },
			{ platform: 'facebook', id: '2', error: { code: 186, message: 'Social post ID not found for this account.' } },
		]);
	});

	it('takes an array of IDs from an expression', async () => {
		const scope = nock(HOST, auth)
			.post('/api/analytics/post', { postIds: ['a1', 'a2'], platforms: ['youtube'], searchPlatformId: true })
			.reply(200, { status: 'success', youtube: [] });

		const result = await run({ operation: 'getBySocialId', socialPostIds: '={{ $json.ids }}', platform: 'youtube' }, [{ ids: ['a1', 'a2'] }]);

		expect(scope.isDone()).toBe(true);
		expect(result.items()).toEqual([]);
	});

	it('rejects no IDs and more than 100 IDs before any request', async () => {
		const none = await run({ operation: 'getBySocialId', socialPostIds: ' , ', platform: 'instagram' });
		expect(none.error?.message).toBe('Invalid "Social Post IDs": a value is required');
		const ids = Array.from({ length: 101 }, (_, index) => `id${index}`).join(',');
		const tooMany = await run({ operation: 'getBySocialId', socialPostIds: ids, platform: 'instagram' });
		expect(tooMany.error?.message).toBe('Invalid "Social Post IDs": 101 IDs given, Ayrshare takes at most 100 per call');
		const wrongPlatform = await run({ operation: 'getBySocialId', socialPostIds: '1', platform: 'pinterest' });
		expect(wrongPlatform.error?.message).toBe('Invalid "Platform": "pinterest" is not supported here');
	});

	it('accepts exactly 100 IDs', async () => {
		const ids = Array.from({ length: 100 }, (_, index) => `id${index}`);
		const scope = nock(HOST, auth)
			.post('/api/analytics/post', { postIds: ids, platforms: ['twitter'], searchPlatformId: true })
			.reply(200, { status: 'success', twitter: [] });
		await run({ operation: 'getBySocialId', socialPostIds: ids.join(','), platform: 'twitter' });
		expect(scope.isDone()).toBe(true);
	});
});

describe('Analytics > Get Social Account', () => {
	it('sends POST /analytics/social with the platforms and emits one row per account', async () => {
		const scope = nock(HOST, auth)
			.post('/api/analytics/social', { platforms: ['facebook', 'instagram'] })
			.reply(200, {
				status: 'success',
				facebook: { analytics: { fanCount: 1200, name: 'Page' }, lastUpdated: 'L', nextUpdate: 'N' },
				instagram: { analytics: { followersCount: '5400', audienceGenderAge: { 'F.18-24': 10 } } },
			});

		const result = await run({ operation: 'getSocial', platforms: ['facebook', 'instagram'] });

		expect(scope.isDone()).toBe(true);
		expect(result.json()).toEqual([
			{ platform: 'facebook', id: null, postUrl: null, fanCount: 1200, name: 'Page', lastUpdated: 'L', nextUpdate: 'N' },
			{ platform: 'instagram', id: null, postUrl: null, followersCount: 5400, 'audienceGenderAge.F.18-24': 10 },
		]);
	});

	it('sends daily, quarters and period60Days from the options', async () => {
		const scope = nock(HOST, auth)
			.post('/api/analytics/social', { platforms: ['tiktok'], daily: true, quarters: 4, period60Days: true })
			.reply(200, { status: 'success', tiktok: { analytics: { followerCount: 1 } } });

		await run({ operation: 'getSocial', platforms: ['tiktok'], options: { daily: true, quarters: 4, period60Days: true } });

		expect(scope.isDone()).toBe(true);
	});

	it('leaves out options turned off', async () => {
		const scope = nock(HOST, auth)
			.post('/api/analytics/social', { platforms: ['youtube'] })
			.reply(200, { status: 'success', youtube: { analytics: { subscriberCount: 1 } } });
		await run({ operation: 'getSocial', platforms: ['youtube'], options: { daily: false, period60Days: false } });
		expect(scope.isDone()).toBe(true);
	});

	it('rejects no platforms and quarters out of 1-4 before any request', async () => {
		// The editor refuses an empty required field; an expression can still yield none.
		expect((await run({ operation: 'getSocial', platforms: '={{ [] }}' })).error?.message).toBe('Invalid "Platforms": choose at least one platform');
		expect((await run({ operation: 'getSocial', platforms: ['youtube'], options: { quarters: 5 } })).error?.message).toBe(
			'Invalid "Quarters": 5 is not a whole number from 1 to 4',
		);
		expect((await run({ operation: 'getSocial', platforms: ['youtube'], options: { quarters: 0 } })).error?.message).toBe(
			'Invalid "Quarters": 0 is not a whole number from 1 to 4',
		);
	});
});

describe('Analytics > Get Links', () => {
	it('sends GET /analytics/links?lastDays and emits one row per link from a bare array', async () => {
		const scope = nock(HOST, auth)
			.get('/api/analytics/links')
			.query({ lastDays: '7' })
			.reply(200, [
				{ id: 'l1', shortUrl: 'https://ayr.app/l/l1', originalUrl: 'https://a.example', clickCount: 4 },
				{ id: 'l2', shortUrl: 'https://ayr.app/l/l2', originalUrl: 'https://b.example', clickCount: null },
			]);

		const result = await run({ operation: 'getLinks', lastDays: 7, returnAll: true });

		expect(scope.isDone()).toBe(true);
		expect(result.json()).toEqual([
			{ id: 'l1', shortUrl: 'https://ayr.app/l/l1', originalUrl: 'https://a.example', clickCount: 4 },
			{ id: 'l2', shortUrl: 'https://ayr.app/l/l2', originalUrl: 'https://b.example', clickCount: null },
		]);
	});

	it('reads { links: [...] } and cuts to the limit exactly', async () => {
		nock(HOST, auth)
			.get('/api/analytics/links')
			.query({ lastDays: '1' })
			.reply(200, { status: 'success', links: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });

		const result = await run({ operation: 'getLinks', limit: 2 });

		expect(result.json()).toEqual([{ id: 'a' }, { id: 'b' }]);
	});

	it('rejects Last Days outside 1-30 before any request', async () => {
		expect((await run({ operation: 'getLinks', lastDays: 31 })).error?.message).toBe('Invalid "Last Days": 31 is not a whole number from 1 to 30');
		expect((await run({ operation: 'getLinks', lastDays: 0 })).error?.message).toBe('Invalid "Last Days": 0 is not a whole number from 1 to 30');
		expect((await run({ operation: 'getLinks', lastDays: 1, limit: 0 })).error?.message).toBe('Invalid "Limit": 0 is not a whole number 1 or more');
	});
});

describe('Analytics > Get YouTube Playlists', () => {
	it.each([
		['a bare array', [{ id: 'PL1', title: 'One', snippet: { itemCount: 3 } }, { id: 'PL2', title: 'Two' }]],
		['{ playlists: [...] }', { status: 'success', playlists: [{ id: 'PL1', title: 'One', snippet: { itemCount: 3 } }, { id: 'PL2', title: 'Two' }] }],
		['{ items: [...] }', { items: [{ id: 'PL1', title: 'One', snippet: { itemCount: 3 } }, { id: 'PL2', title: 'Two' }] }],
	])('reads %s', async (_shape, answer) => {
		const scope = nock(HOST, auth).get('/api/analytics/youTubePlaylists').reply(200, answer);

		const result = await run({ operation: 'getYouTubePlaylists', returnAll: true });

		expect(scope.isDone()).toBe(true);
		expect(result.json()).toEqual([
			{ id: 'PL1', title: 'One', 'snippet.itemCount': 3 },
			{ id: 'PL2', title: 'Two' },
		]);
	});

	it('emits the playlists unchanged with Simplify off, cut to the limit', async () => {
		nock(HOST, auth).get('/api/analytics/youTubePlaylists').reply(200, { playlists: [{ id: 'PL1', snippet: { a: 1 } }, { id: 'PL2' }] });
		const result = await run({ operation: 'getYouTubePlaylists', limit: 1, simplify: false });
		expect(result.items()).toEqual([{ json: { id: 'PL1', snippet: { a: 1 } }, pairedItem: { item: 0 } }]);
	});
});

describe('Simplify off', () => {
	it.each([
		['getBySocialId', { socialPostIds: '1', platform: 'instagram' }, 'post', '/api/analytics/post', { status: 'success', instagram: { id: '1', analytics: { a: { b: 1 } } } }],
		['getSocial', { platforms: ['instagram'] }, 'post', '/api/analytics/social', { status: 'success', instagram: { analytics: { a: { b: 1 } } } }],
		['getLinks', { lastDays: 2 }, 'get', '/api/analytics/links?lastDays=2', [{ id: 'l', stats: { clicks: 1 } }]],
	])('%s emits what Ayrshare sent', async (operation, parameters, method, path, answer) => {
		const interceptor = method === 'post' ? nock(HOST, auth).post(path) : nock(HOST, auth).get(path);
		interceptor.reply(200, answer as nock.Body);

		const result = await run({ operation, ...parameters, simplify: false });

		expect(result.json()).toEqual(Array.isArray(answer) ? answer : [answer]);
	});
});
