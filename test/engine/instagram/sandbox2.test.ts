/** Part 2 operations against the Graph API sandbox module (a real HTTP server). */
import nock from 'nock';

import { createInstagramModule, SANDBOX_IDS } from '../../../sandbox/providers/instagram';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { readBatch } from './batch';
import { recordWaits, run } from './setup';

const sleeps = recordWaits();
const sandboxes: Sandbox[] = [];

async function sandboxWith(size = 5): Promise<Sandbox> {
	const sandbox = await startSandbox({ modules: [createInstagramModule()], size });
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

const fb = (sandbox: Sandbox) => ({
	instagramGraphApi: { loginType: 'facebookLogin', accessToken: 'EAAB-sandbox-token-2', baseUrl: sandbox.baseUrl('/instagram') },
});
const mainAccount = { __rl: true, mode: 'list', value: SANDBOX_IDS.mainAccount };

describe('part 2 against the sandbox', () => {
	it('stories with insights: one list, one batch of two calls per story; the story under the threshold is null', async () => {
		const sandbox = await sandboxWith();
		const result = await run({ resource: 'story', operation: 'getAll', accountId: mainAccount, includeInsights: true }, { credentials: fb(sandbox) });

		expect(result.status).toBe('success');
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id/stories': 1, 'POST /instagram': 1 });
		const batch = sandbox.log.find((entry) => entry.method === 'POST')!;
		expect(readBatch(batch.body).batch).toHaveLength(8);
		const rows = result.json();
		expect(rows.map((row) => typeof row.navigation_tap_forward)).toEqual(['number', 'number', 'number', 'object']);
		expect(rows.map((row) => typeof row.reach)).toEqual(['number', 'number', 'number', 'object']);
	});

	it('hashtag search: the 31st unique hashtag of the week fails alone, saying why, without retries', async () => {
		const sandbox = await sandboxWith();
		const result = await run(
			{ resource: 'hashtag', operation: 'search', accountId: mainAccount, hashtagName: '={{ $json.tag }}' },
			{ credentials: fb(sandbox), input: Array.from({ length: 31 }, (_, index) => ({ tag: `#brew${index}` })), continueOnFail: true },
		);

		const rows = result.json();
		expect(rows.slice(0, 30).every((row) => typeof row.id === 'string')).toBe(true);
		expect(rows[30].error).toBe(
			'(#24) The user has reached the limit of 30 unique hashtags searched in the past 7 days (An Instagram account may query 30 unique hashtags per 7 days)',
		);
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id': 31 });
		expect(sleeps.waits).toEqual([]);
	});

	it('hashtag top media by name: a search, then pages of 50 up to the limit', async () => {
		const sandbox = await sandboxWith();
		const result = await run(
			{ resource: 'hashtag', operation: 'getTopMedia', accountId: mainAccount, hashtagName: { __rl: true, mode: 'name', value: 'latte' }, limit: 60 },
			{ credentials: fb(sandbox) },
		);

		expect(result.json()).toHaveLength(60);
		expect(result.json()[0]).toMatchObject({ hashtag: 'latte', hashtag_id: expect.stringMatching(/^178438/) });
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id': 1, 'GET /instagram/:version/:id/top_media': 2 });
	});

	it('business discovery with all media: the profile row and 120 media rows in three requests', async () => {
		const sandbox = await sandboxWith();
		const result = await run(
			{ resource: 'businessDiscovery', operation: 'get', accountId: mainAccount, username: 'bluebottle', includeMedia: true, returnAll: true },
			{ credentials: fb(sandbox) },
		);

		const rows = result.json();
		expect(rows).toHaveLength(121);
		expect(rows[0]).toMatchObject({ row_type: 'profile', username: 'bluebottle', followers_count: 267793, media_count: 120 });
		expect(new Set(rows.slice(1).map((row) => row.id)).size).toBe(120);
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id': 3 });
	});
});
