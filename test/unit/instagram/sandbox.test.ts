/** The Graph API sandbox module answers as Meta's documents say. */
import nock from 'nock';

import { createInstagramModule, SANDBOX_IDS, splitFields } from '../../../sandbox/providers/instagram';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
let base: string;
const FB = { authorization: 'Bearer EAAB-unit-token-1' };

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ modules: [createInstagramModule({ today: '2026-11-22' })], size: 60 });
	base = sandbox.baseUrl('/instagram');
});
afterAll(async () => {
	await sandbox.close();
});

async function get(path: string, headers: Record<string, string> = FB) {
	const response = await fetch(`${base}${path}`, { headers });
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('Instagram sandbox module', () => {
	it('pages media with paging.next carrying the token, as Meta does', async () => {
		const first = await get(`/v24.0/${SANDBOX_IDS.mainAccount}/media?fields=id,media_type&limit=50`);
		expect(first.body.data).toHaveLength(50);
		expect(first.body.paging.next).toContain('access_token=EAAB-unit-token-1');
		const second = await get(first.body.paging.next.slice(base.length), {});
		expect(second.body.data).toHaveLength(10);
		expect(second.body.paging.next).toBeUndefined();
	});

	it('rejects removed metrics with the message of the version, and metrics a type does not have', async () => {
		const media = (await get(`/v24.0/${SANDBOX_IDS.mainAccount}/media?fields=id,media_type,media_product_type&limit=60`)).body.data;
		const reel = media.find((item: { media_product_type: string }) => item.media_product_type === 'REELS');
		expect((await get(`/v24.0/${reel.id}/insights?metric=reach,plays`)).body.error).toMatchObject({
			code: 100,
			message: '(#100) Starting from version 22 and above, the plays metric is no longer supported for the queried media',
		});
		expect((await get(`/v21.0/${reel.id}/insights?metric=plays`)).body.error.message).toBe(
			'(#100) The plays metric is no longer supported since 2025-04-21',
		);
		expect((await get(`/v24.0/${reel.id}/insights?metric=follows`)).body.error.message).toBe(
			'(#100) The Media Insights API does not support the follows metric for this media product type',
		);
		expect((await get(`/v24.0/${reel.id}/insights?metric=reach`)).body.data[0]).toMatchObject({ name: 'reach', period: 'lifetime' });
	});

	it('answers batch requests sub-request by sub-request, at most 50', async () => {
		const post = async (batch: unknown[], token = 'EAAB-unit-token-1') =>
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			(await (
				await fetch(`${base}/`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
					body: `batch=${encodeURIComponent(JSON.stringify(batch))}&include_headers=false`,
				})
			).json()) as any;
		const answer = await post([
			{ method: 'GET', relative_url: `v24.0/${SANDBOX_IDS.mainAccount}?fields=username` },
			{ method: 'GET', relative_url: 'v24.0/404404?fields=id' },
		]);
		expect(answer).toEqual([
			{ code: 200, body: JSON.stringify({ username: 'sandbox_coffee', id: SANDBOX_IDS.mainAccount }) },
			{ code: 400, body: expect.stringContaining('"error_subcode":33') },
		]);
		const tooMany = await post(Array.from({ length: 51 }, () => ({ method: 'GET', relative_url: 'v24.0/me' })));
		expect(tooMany.error.message).toBe('(#100) Too many requests in batch message. Maximum batch size is 50');
		expect((await post([{ method: 'GET', relative_url: 'v24.0/me' }], 'IGAA-unit-token')).error.code).toBe(100);
	});

	it('sends usage headers on every answer', async () => {
		const answer = await get('/v24.0/me');
		expect(JSON.parse(answer.headers.get('x-app-usage') ?? '{}')).toHaveProperty('call_count');
		expect(JSON.parse(answer.headers.get('x-business-use-case-usage') ?? '{}')[SANDBOX_IDS.mainAccount][0]).toHaveProperty(
			'estimated_time_to_regain_access',
		);
	});

	it('keeps account insights to 30 days and checks metric types', async () => {
		const path = `/v24.0/${SANDBOX_IDS.mainAccount}/insights`;
		expect((await get(`${path}?metric=reach&period=day&since=1788220800&until=1792108800`)).body.error.message).toBe(
			'(#100) There cannot be more than 30 days (2592000 s) between since and until',
		);
		expect((await get(`${path}?metric=likes&period=day&metric_type=time_series`)).body.error.message).toBe(
			'(#100) The following metrics (likes) should be specified with parameter metric_type=total_value',
		);
		expect((await get(`${path}?metric=impressions&period=day`)).body.error.message).toBe(
			'(#100) Starting from version 22 and above, the impressions metric is no longer supported for the queried user',
		);
	});

	it('answers /me per login type', async () => {
		expect((await get('/v24.0/me')).body).toEqual({ id: SANDBOX_IDS.facebookUser, name: 'Sandbox Owner' });
		expect((await get('/v24.0/me?fields=user_id,username', { authorization: 'Bearer IGAA-unit' })).body).toEqual({
			user_id: SANDBOX_IDS.mainAccount,
			username: 'sandbox_coffee',
			id: SANDBOX_IDS.appScopedUser,
		});
		expect((await get('/v24.0/me', { authorization: 'Bearer EAAB-expired-1' })).body.error).toMatchObject({ code: 190, error_subcode: 463 });
		expect((await get('/v24.0/me', {})).body.error.code).toBe(2500);
	});

	it('splits field lists at top-level commas', () => {
		expect(splitFields('id,children{id,media_type},insights.metric(reach,saved)')).toEqual([
			'id',
			'children{id,media_type}',
			'insights.metric(reach,saved)',
		]);
	});
});
