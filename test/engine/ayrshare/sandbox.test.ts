/**
 * The node against the Ayrshare sandbox module over real HTTP: a weekly
 * report story (history, then each post's analytics), profiles, partial
 * failures, plan and suspension errors, and the rate limit.
 */
import nock from 'nock';

import { requestDeps } from '../../../nodes/shared/request';
import { ayrshareModule, createAyrshareModule } from '../../../sandbox/providers/ayrshare';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { runNode } from '../../harness/engine';
import { API_KEY, registry } from '../../fixtures/ayrshare/registry';

let sandbox: Sandbox;
const realDeps = { ...requestDeps };
let waits: number[] = [];

function creds(fields: Record<string, string> = {}, box: Sandbox = sandbox) {
	return { ayrshareApi: { apiKey: API_KEY, baseUrl: `${box.baseUrl('/ayrshare')}/api`, ...fields } };
}

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ modules: [ayrshareModule], size: 40 });
});
beforeEach(() => {
	sandbox.clearLog();
	sandbox.clearFaults();
	waits = [];
	requestDeps.sleep = async (ms: number) => {
		waits.push(ms);
	};
});
afterEach(() => Object.assign(requestDeps, realDeps));
afterAll(async () => {
	await sandbox.close();
	nock.enableNetConnect();
});

describe('Ayrshare sandbox', () => {
	it('lists posts, then reads each post\'s analytics: one row per platform, failures as rows', async () => {
		const posts = await runNode(registry, { type: 'ayrshare', parameters: { resource: 'history', operation: 'getAll', limit: 14 }, credentials: creds() });
		expect(posts.status).toBe('success');
		expect(posts.items()).toHaveLength(14);

		const analytics = await runNode(
			registry,
			{ type: 'ayrshare', parameters: { resource: 'analytics', operation: 'getPost', postId: '={{ $json.id }}' }, credentials: creds() },
			posts.json(),
		);

		expect(analytics.status).toBe('success');
		const rows = analytics.json();
		const expectedRows = posts.json().reduce((sum, post) => sum + String(post.platforms).split(', ').length, 0);
		expect(rows.length).toBeGreaterThanOrEqual(expectedRows);
		expect(rows.filter((row) => row.error)).toEqual([
			{ platform: expect.any(String), error: { code: 294, message: expect.stringContaining('Error getting analytics') } },
			{ platform: expect.any(String), error: { code: 294, message: expect.stringContaining('Error getting analytics') } },
		]);
		for (const row of rows.filter((candidate) => !candidate.error)) {
			expect(row).toMatchObject({ platform: expect.any(String), id: expect.any(String), postUrl: expect.stringMatching(/^https:\/\//) });
		}
		// LinkedIn's counts come as strings from the sandbox and leave as numbers.
		for (const row of rows.filter((candidate) => candidate.platform === 'linkedin' && !candidate.error)) {
			expect(typeof row.likeCount).toBe('number');
		}
		const analyticsCalls = sandbox.log.filter((entry) => entry.path === '/ayrshare/api/analytics/post');
		expect(analyticsCalls).toHaveLength(14);
		expect(analyticsCalls[0]).toMatchObject({ method: 'POST', body: { id: posts.json()[0].id }, status: 200 });
		expect(analyticsCalls[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(analyticsCalls[0].headers['profile-key']).toBeUndefined();
		for (const item of analytics.items()) expect(item.pairedItem).toEqual({ item: expect.any(Number) });
	});

	it('reads a social post ID from History > Get by Platform with Get by Social ID', async () => {
		const feed = await runNode(registry, {
			type: 'ayrshare',
			parameters: { resource: 'history', operation: 'getByPlatform', platform: 'instagram', limit: 3 },
			credentials: creds(),
		});
		const ids = feed.json().map((post) => post.id as string);
		expect(ids).toHaveLength(3);

		const result = await runNode(registry, {
			type: 'ayrshare',
			parameters: { resource: 'analytics', operation: 'getBySocialId', socialPostIds: `${ids.join(',')},999`, platform: 'instagram' },
			credentials: creds(),
		});

		expect(result.json().map((row) => row.id)).toEqual([...ids, '999']);
		expect(result.json()[3]).toEqual({ platform: 'instagram', id: '999', error: { code: 186, message: 'Social post ID not found for this account.' } });
		expect(sandbox.log.at(-1)?.body).toEqual({ postIds: [...ids, '999'], platforms: ['instagram'], searchPlatformId: true });
	});

	it('reads account analytics, with a row for a network the profile has not linked', async () => {
		const result = await runNode(registry, {
			type: 'ayrshare',
			parameters: { resource: 'analytics', operation: 'getSocial', platforms: ['instagram', 'gmb'], options: { quarters: 2 } },
			credentials: creds(),
		});
		const [instagram, gmb] = result.json();
		expect(instagram).toMatchObject({ platform: 'instagram', followersCount: expect.any(Number), username: 'sandbox.ig' });
		expect(gmb).toEqual({ platform: 'gmb', error: { code: 272, message: expect.stringContaining('not linked') } });
		expect(sandbox.log[0].body).toEqual({ platforms: ['instagram', 'gmb'], quarters: 2 });
	});

	it('reads links and YouTube playlists', async () => {
		const links = await runNode(registry, {
			type: 'ayrshare',
			parameters: { resource: 'analytics', operation: 'getLinks', lastDays: 30, returnAll: true },
			credentials: creds(),
		});
		expect(links.json().length).toBeGreaterThan(0);
		expect(links.json()[0]).toMatchObject({ shortUrl: expect.stringMatching(/^https:\/\/ayr\.app\/l\//), clickCount: expect.any(Number) });
		const playlists = await runNode(registry, {
			type: 'ayrshare',
			parameters: { resource: 'analytics', operation: 'getYouTubePlaylists', limit: 4 },
			credentials: creds(),
		});
		expect(playlists.json()).toHaveLength(4);
	});

	it('reads each item\'s profile with the node\'s Profile Key, and never sends an empty Profile-Key header', async () => {
		const result = await runNode(
			registry,
			{
				type: 'ayrshare',
				parameters: { resource: 'history', operation: 'getAll', limit: 1, options: { profileKey: '={{ $json.profile }}' } },
				credentials: creds({ profileKey: '' }),
			},
			[{ profile: 'client-a-key' }, { profile: '' }, { profile: 'client-b-key' }],
		);
		expect(result.status).toBe('success');
		expect(sandbox.log.map((entry) => entry.headers['profile-key'])).toEqual(['client-a-key', undefined, 'client-b-key']);
		const ids = result.json().map((row) => row.id);
		expect(new Set(ids).size).toBe(3);
	});

	it('explains a suspended profile (403) and a plan without analytics (402)', async () => {
		const suspended = await runNode(registry, {
			type: 'ayrshare',
			parameters: { resource: 'history', operation: 'getAll' },
			credentials: creds({ profileKey: 'suspended-profile' }),
		});
		expect(suspended.error?.message).toBe('The profile is suspended. Contact Ayrshare support.');
		expect(suspended.error?.description).toContain('1,000 rate-limited calls');
		const basic = await runNode(registry, {
			type: 'ayrshare',
			parameters: { resource: 'analytics', operation: 'getPost', postId: 'x' },
			credentials: { ayrshareApi: { ...creds().ayrshareApi, apiKey: 'basic-plan-key' } },
		});
		expect(basic.error?.httpCode).toBe('402');
		expect(basic.error?.description).toContain('Premium or Business');
	});

	it('a 429 storm from the sandbox: two requests per item, then the item fails', async () => {
		sandbox.addFault({ route: '/ayrshare/api/history', kind: 'status', status: 429, retryAfter: '1', times: 0, body: { status: 'error', code: 429, message: 'Too many requests' } });
		const result = await runNode(
			registry,
			{ type: 'ayrshare', parameters: { resource: 'history', operation: 'getAll' }, credentials: creds(), continueOnFail: true },
			[{}, {}, {}],
		);
		expect(sandbox.totalRequests()).toBe(6);
		expect(result.json().every((json) => String(json.error).startsWith('Too many requests'))).toBe(true);
	});

	it('stops calling once the profile\'s window is used up, before drawing a single 429', async () => {
		const tight = await startSandbox({ modules: [createAyrshareModule({ rateLimitMax: 3 })], size: 10 });
		try {
			const result = await runNode(
				registry,
				{ type: 'ayrshare', parameters: { resource: 'history', operation: 'getAll', limit: 1 }, credentials: creds({}, tight), continueOnFail: true },
				[{}, {}, {}, {}, {}],
			);
			expect(tight.log.map((entry) => entry.status)).toEqual([200, 200, 200]);
			expect(result.json().slice(3).map((json) => json.error)).toEqual([
				expect.stringMatching(/^Ayrshare's rate limit for this profile is used up for 5 minutes, until .*; no call was sent$/),
				expect.stringMatching(/^Ayrshare's rate limit for this profile is used up/),
			]);
		} finally {
			await tight.close();
		}
	});

	it('the sandbox itself refuses an empty Profile-Key header and suspends a profile after too many 429s', async () => {
		const box = await startSandbox({ modules: [createAyrshareModule({ rateLimitMax: 1, suspendAfter: 2 })] });
		try {
			const call = (headers: Record<string, string>) =>
				fetch(`${box.baseUrl('/ayrshare')}/api/history`, { headers: { authorization: 'Bearer k', ...headers } });
			expect((await call({ 'profile-key': '' })).status).toBe(400);
			const statuses = [];
			for (let index = 0; index < 4; index++) statuses.push((await call({ 'profile-key': 'p1' })).status);
			expect(statuses).toEqual([200, 429, 429, 403]);
			const limited = await call({ 'profile-key': 'p2' });
			expect(limited.headers.get('x-ratelimit-max')).toBe('1');
			expect(limited.headers.get('x-ratelimit-count')).toBe('1');
		} finally {
			await box.close();
		}
	});
});
