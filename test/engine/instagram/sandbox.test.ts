/**
 * The node against the Graph API sandbox module (a real HTTP server): the
 * whole flows, batch sizes, the usage headers and throttling it emits.
 */
import nock from 'nock';

import { createInstagramModule, SANDBOX_IDS } from '../../../sandbox/providers/instagram';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { searchAccounts } from '../../../nodes/Instagram/methods/listSearch';
import { loadOptionsContext } from './loadOptions';
import { recordWaits, run } from './setup';

const sleeps = recordWaits();
const sandboxes: Sandbox[] = [];

async function sandboxWith(options: Parameters<typeof createInstagramModule>[0] = {}, size = 120): Promise<Sandbox> {
	const sandbox = await startSandbox({ modules: [createInstagramModule(options)], size });
	sandboxes.push(sandbox);
	return sandbox;
}

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});
afterAll(async () => {
	await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
	nock.enableNetConnect();
});

const fb = (sandbox: Sandbox, extra: Record<string, unknown> = {}) => ({
	instagramGraphApi: { loginType: 'facebookLogin', accessToken: 'EAAB-sandbox-token-1', baseUrl: sandbox.baseUrl('/instagram'), ...extra },
});
const ig = (sandbox: Sandbox) => ({
	instagramGraphApi: { loginType: 'instagramLogin', accessToken: 'IGAA-sandbox-token-1', baseUrl: sandbox.baseUrl('/instagram') },
});
const mainAccount = { __rl: true, mode: 'list', value: SANDBOX_IDS.mainAccount };
const getAllWithInsights = { resource: 'media', operation: 'getAll', accountId: mainAccount, returnAll: true, includeInsights: true };

describe('against the sandbox', () => {
	it('Facebook Login: 120 media in 2 pages, insights in 3 batches of at most 50', async () => {
		const sandbox = await sandboxWith();
		const result = await run(getAllWithInsights, { credentials: fb(sandbox) });

		expect(result.status).toBe('success');
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id/media': 2, 'POST /instagram': 3 });
		const sizes = sandbox.log.filter((entry) => entry.method === 'POST').map((entry) => JSON.parse(String((entry.body as { batch: string }).batch)).length);
		expect(sizes).toEqual([50, 50, 20]);
		const rows = result.json();
		expect(rows).toHaveLength(120);
		for (const row of rows.slice(0, -2)) {
			expect(typeof row.reach).toBe('number');
			expect(row.replies).toBeNull();
			expect(row.navigation).toBeNull();
			if (row.media_product_type === 'REELS') {
				expect(typeof row.ig_reels_avg_watch_time).toBe('number');
				expect(row.follows).toBeNull();
			} else {
				expect(row.ig_reels_avg_watch_time).toBeNull();
				expect(typeof row.profile_visits).toBe('number');
			}
		}
		// The two oldest media predate the business conversion: no insights, no failure.
		for (const row of rows.slice(-2)) expect(row.reach).toBeNull();
	});

	it('Instagram Login: one GET per media, no batch', async () => {
		const sandbox = await sandboxWith({}, 30);
		const result = await run(
			{ resource: 'media', operation: 'getAll', returnAll: true, includeInsights: true, options: { concurrency: 4 } },
			{ credentials: ig(sandbox) },
		);

		expect(result.status).toBe('success');
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id/media': 1, 'GET /instagram/:version/:id/insights': 30 });
		expect(result.json().filter((row) => typeof row.reach === 'number')).toHaveLength(28);
	});

	it('drops, per media, a metric the host refuses against the catalogue, and asks that media again', async () => {
		const sandbox = await sandboxWith({ rejectMetrics: { CAROUSEL_ALBUM: ['views'] } }, 40);
		const result = await run(getAllWithInsights, { credentials: fb(sandbox) });

		expect(result.status).toBe('success');
		const rows = result.json();
		const carousels = rows.filter((row) => row.media_type === 'CAROUSEL_ALBUM');
		expect(carousels.length).toBeGreaterThan(0);
		for (const row of carousels) {
			expect(row.views).toBeNull();
			expect(typeof row.reach).toBe('number');
		}
		for (const row of rows.slice(0, -2).filter((candidate) => candidate.media_type !== 'CAROUSEL_ALBUM')) expect(typeof row.views).toBe('number');
		// One batch for all 40, then one for the carousels again.
		expect(sandbox.counts()['POST /instagram']).toBe(2);
	});

	it('fetches timed-out sub-responses again one by one', async () => {
		const sandbox = await sandboxWith({ nullSubResponseEvery: 7 }, 30);
		const result = await run(getAllWithInsights, { credentials: fb(sandbox) });

		expect(result.status).toBe('success');
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id/media': 1, 'POST /instagram': 1, 'GET /instagram/:version/:id/insights': 4 });
		expect(result.json().slice(0, -2).every((row) => typeof row.reach === 'number')).toBe(true);
	});

	it('story insights: the story under the viewer threshold is null, the others have values', async () => {
		const sandbox = await sandboxWith({}, 5);
		const stories = (await (
			await fetch(`${sandbox.baseUrl('/instagram')}/v24.0/${SANDBOX_IDS.mainAccount}/stories?fields=id`, {
				headers: { authorization: 'Bearer EAAB-sandbox-token-1' },
			})
		).json()) as { data: Array<{ id: string }> };
		const ids = stories.data.map((story) => ({ id: story.id }));

		const result = await run({ resource: 'media', operation: 'getInsights', metrics: ['auto'] }, { credentials: fb(sandbox), input: ids });

		expect(result.status).toBe('success');
		expect(result.items().map((item) => [item.pairedItem, item.json.media_product_type, typeof item.json.replies])).toEqual([
			[{ item: 0 }, 'STORY', 'number'],
			[{ item: 1 }, 'STORY', 'number'],
			[{ item: 2 }, 'STORY', 'number'],
			[{ item: 3 }, 'STORY', 'object'],
		]);
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id/stories': 1, 'POST /instagram': 2 });
	});

	it('account insights over 45 days: two windows, one row per day', async () => {
		const sandbox = await sandboxWith({ today: '2026-11-22' }, 5);
		const result = await run(
			{
				resource: 'account',
				operation: 'getInsights',
				accountId: mainAccount,
				metrics: ['reach', 'follower_count'],
				since: '2026-09-01T00:00:00Z',
				until: '2026-10-16T00:00:00Z',
			},
			{ credentials: fb(sandbox) },
		);

		expect(result.status).toBe('success');
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id/insights': 2 });
		const rows = result.json();
		expect(rows).toHaveLength(45);
		expect(rows[0]).toEqual({ date: '2026-09-01', reach: expect.any(Number), follower_count: expect.any(Number) });
		expect(rows[44].date).toBe('2026-10-15');
	});

	it('checks appsecret_proof as an app with "Require App Secret" does', async () => {
		const sandbox = await sandboxWith({ appSecret: 'the-app-secret-1' }, 3);
		const good = await run({ resource: 'account', operation: 'get', accountId: mainAccount }, { credentials: fb(sandbox, { appSecret: 'the-app-secret-1' }) });
		const bad = await run({ resource: 'account', operation: 'get', accountId: mainAccount }, { credentials: fb(sandbox, { appSecret: 'another-secret-2' }) });

		expect(good.status).toBe('success');
		expect(bad.error?.message).toBe('(#100) Invalid appsecret_proof provided in the API argument');
		expect(JSON.stringify(bad.run)).not.toContain('another-secret-2');
	});

	it('slows down as the usage headers climb towards 100 %', async () => {
		const sandbox = await sandboxWith({ callBudget: 10 }, 3);
		const result = await run(
			{ resource: 'account', operation: 'get', accountId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ credentials: fb(sandbox), input: Array.from({ length: 9 }, () => ({ id: SANDBOX_IDS.mainAccount })) },
		);

		expect(result.status).toBe('success');
		// Usage 80 % after the 8th call: a pause before the 9th.
		expect(sleeps.waits).toHaveLength(1);
		expect(sleeps.waits[0]).toBeGreaterThan(400);
		expect(sleeps.waits[0]).toBeLessThanOrEqual(500);
	});

	it('fails at once with the time access returns when the sandbox throttles past the cap', async () => {
		const sandbox = await sandboxWith({ callBudget: 1, regainMinutes: 30, throttleCode: 80002 }, 3);
		const result = await run(
			{ resource: 'account', operation: 'get', accountId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ credentials: fb(sandbox), input: [{ id: SANDBOX_IDS.mainAccount }, { id: SANDBOX_IDS.mainAccount }] },
		);

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^\(#80002\) There have been too many calls to this Instagram account\. Wait a bit and try again\. - Instagram Graph API asks to wait 30 minutes, until /);
	});

	it('lists the accounts of the Pages for "From list"', async () => {
		const sandbox = await sandboxWith({}, 3);
		const result = await searchAccounts.call(loadOptionsContext(fb(sandbox)));
		expect(result.results).toEqual([
			{ name: '@sandbox_coffee (Sandbox Coffee)', value: SANDBOX_IDS.mainAccount, url: 'https://www.instagram.com/sandbox_coffee/' },
			{ name: '@sandbox_studio (Sandbox Studio)', value: SANDBOX_IDS.secondAccount, url: 'https://www.instagram.com/sandbox_studio/' },
		]);
	});

	it('explains the expired token the sandbox answers for a token containing "expired"', async () => {
		const sandbox = await sandboxWith({}, 3);
		const result = await run(
			{ resource: 'account', operation: 'get', accountId: mainAccount },
			{ credentials: fb(sandbox, { accessToken: 'EAAB-expired-token-1' }) },
		);
		expect(result.error?.message).toMatch(/^Error validating access token: Session has expired/);
		expect(result.error?.description).toContain('System User token');
	});
});
