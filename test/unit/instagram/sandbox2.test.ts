/** The part 2 behaviour of the Graph API sandbox module: a clock, and what changes with it. */
import nock from 'nock';

import { createInstagramModule, SANDBOX_IDS, SANDBOX_NOW } from '../../../sandbox/providers/instagram';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const EPOCH = SANDBOX_NOW - 6 * HOUR;
const FB = { authorization: 'Bearer EAAB-unit-token-2' };
const instagram = createInstagramModule();
const { control } = instagram;
let sandbox: Sandbox;
let base: string;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ modules: [instagram], size: 10 });
	base = sandbox.baseUrl('/instagram');
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => control.setNow(SANDBOX_NOW));

async function get(path: string, headers: Record<string, string> = FB) {
	const response = await fetch(`${base}${path}`, { headers });
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return { status: response.status, body: (await response.json()) as any };
}

describe('stories with expiry', () => {
	it('lists a story for 24 hours after it was posted, and its insights with it', async () => {
		const stories = async () => (await get(`/v24.0/${SANDBOX_IDS.mainAccount}/stories?fields=id,timestamp`)).body.data as Array<{ id: string }>;
		const live = await stories();
		expect(live).toHaveLength(4);

		control.setNow(EPOCH + 25 * HOUR + 1);
		expect((await stories()).map((story) => story.id)).toEqual(live.slice(1).map((story) => story.id));
		expect((await get(`/v24.0/${live[0].id}/insights?metric=reach`)).body.error).toMatchObject({ code: 100, error_subcode: 33 });

		const posted = control.postStory();
		expect((await stories()).map((story) => story.id)).toContain(posted);
	});

	it('splits navigation by action on request, and refuses the breakdown elsewhere', async () => {
		const [story] = (await get(`/v24.0/${SANDBOX_IDS.mainAccount}/stories?fields=id`)).body.data;
		const split = await get(`/v24.0/${story.id}/insights?metric=navigation&breakdown=story_navigation_action_type`);
		const total = split.body.data[0].total_value;
		expect(total.breakdowns[0].dimension_keys).toEqual(['story_navigation_action_type']);
		expect(total.breakdowns[0].results.map((result: { dimension_values: string[] }) => result.dimension_values[0])).toEqual([
			'TAP_FORWARD',
			'TAP_BACK',
			'TAP_EXIT',
			'SWIPE_FORWARD',
		]);
		expect(total.value).toBe(total.breakdowns[0].results.reduce((sum: number, result: { value: number }) => sum + result.value, 0));
		expect((await get(`/v24.0/${story.id}/insights?metric=reach&breakdown=story_navigation_action_type`)).body.error.message).toBe(
			'(#100) The breakdown story_navigation_action_type is not supported for the metric reach',
		);
	});
});

describe('comments and media over time', () => {
	it('shows a comment once its time has come, and counts it', async () => {
		const mediaId = control.publishMedia();
		const later = control.addComment(mediaId, { timestamp: SANDBOX_NOW + HOUR, text: 'later' });
		const now = control.addComment(mediaId, { text: 'now' });
		const comments = async () => (await get(`/v24.0/${mediaId}/comments?fields=id,text`)).body.data.map((comment: { id: string }) => comment.id);
		expect(await comments()).toEqual([now]);
		expect((await get(`/v24.0/${mediaId}?fields=comments_count`)).body.comments_count).toBe(1);
		control.advance(HOUR);
		expect(await comments()).toEqual([now, later]);
	});
});

describe('hashtags', () => {
	const search = (q: string, headers = FB) => get(`/v24.0/ig_hashtag_search?user_id=${SANDBOX_IDS.secondAccount}&q=${encodeURIComponent(q)}`, headers);

	it('allows 30 unique hashtags per account in 7 days; the same one again does not count', async () => {
		for (let index = 0; index < 30; index++) expect((await search(`tag${index}`)).status).toBe(200);
		expect((await search('#TAG3')).body.data).toHaveLength(1);
		const refused = await search('tag30');
		expect(refused.status).toBe(400);
		expect(refused.body.error).toMatchObject({ code: 24, error_subcode: 2207024 });
		expect(control.hashtagsQueried(SANDBOX_IDS.secondAccount)).toHaveLength(30);
		control.advance(7 * DAY + 1);
		expect((await search('tag30')).status).toBe(200);
	});

	it('serves top media by likes, recent media of the last 24 hours, 50 at most per page', async () => {
		const id = (await get(`/v24.0/ig_hashtag_search?user_id=${SANDBOX_IDS.mainAccount}&q=latte`)).body.data[0].id;
		const top = await get(`/v24.0/${id}/top_media?user_id=${SANDBOX_IDS.mainAccount}&fields=id,like_count&limit=80`);
		expect(top.body.data).toHaveLength(50);
		const likes = top.body.data.map((media: { like_count: number }) => media.like_count);
		expect([...likes].sort((a, b) => b - a)).toEqual(likes);
		const recent = await get(`/v24.0/${id}/recent_media?user_id=${SANDBOX_IDS.mainAccount}&fields=id,timestamp&limit=50`);
		expect(recent.body.data).toHaveLength(32);
		expect((await get(`/v24.0/${id}/top_media?fields=id`)).body.error.message).toBe('(#100) The parameter user_id is required');
	});

	it('is not served to Instagram Login tokens', async () => {
		expect((await search('coffee', { authorization: 'Bearer IGAA-unit-token-2' })).body.error.code).toBe(3);
	});
});

describe('business discovery', () => {
	it('pages the nested media through the after cursor, as the next URL says', async () => {
		const fields = 'business_discovery.username(bluebottle){id,username,followers_count,media.limit(50){id,like_count}}';
		const first = await get(`/v24.0/${SANDBOX_IDS.mainAccount}?fields=${encodeURIComponent(fields)}`);
		const discovery = first.body.business_discovery;
		expect(discovery).toMatchObject({ username: 'bluebottle', followers_count: 267793 });
		expect(discovery.media.data).toHaveLength(50);
		const next = new URL(discovery.media.paging.next);
		expect(next.searchParams.get('fields')).toBe(
			`business_discovery.username(bluebottle){id,username,followers_count,media.after(${discovery.media.paging.cursors.after}).limit(50){id,like_count}}`,
		);
		const second = await get(`${next.pathname.replace('/instagram', '')}${next.search}`, {});
		const third = await get(
			`/v24.0/${SANDBOX_IDS.mainAccount}?fields=${encodeURIComponent(`business_discovery.username(bluebottle){media.after(${second.body.business_discovery.media.paging.cursors.after}).limit(50){id}}`)}`,
		);
		expect(second.body.business_discovery.media.data).toHaveLength(50);
		expect(third.body.business_discovery.media.data).toHaveLength(20);
		expect(third.body.business_discovery.media.paging.next).toBeUndefined();
	});

	it('cannot see personal or unknown accounts', async () => {
		const personal = await get(`/v24.0/${SANDBOX_IDS.mainAccount}?fields=${encodeURIComponent('business_discovery.username(just_a_person){id}')}`);
		expect(personal.body.error).toMatchObject({ code: 110, error_subcode: 2207013 });
	});
});

describe('Instagram Login tokens', () => {
	const refresh = (token: string) => get(`/refresh_access_token?grant_type=ig_refresh_token&access_token=${token}`, {});

	it('refreshes a token at least a day old into a new 60-day one; the old keeps its own expiry', async () => {
		const young = control.issueToken({ ageMs: HOUR });
		expect((await refresh(young)).body.error.message).toBe('(#100) The access token is too new to be refreshed: it must be at least 24 hours old');

		const token = control.issueToken({ ageMs: 2 * DAY });
		const answer = await refresh(token);
		expect(answer.body).toEqual({ access_token: expect.stringMatching(/^IGAA-sandbox-refreshed-/), token_type: 'bearer', expires_in: 5183944 });
		expect(control.tokenExpiresAt(answer.body.access_token)).toBe(SANDBOX_NOW + 5183944 * 1000);
		expect((await get('/v24.0/me?fields=id', { authorization: `Bearer ${token}` })).status).toBe(200);

		control.advance(59 * DAY);
		expect((await get('/v24.0/me?fields=id', { authorization: `Bearer ${token}` })).body.error).toMatchObject({ code: 190, error_subcode: 463 });
		expect((await refresh(token)).body.error.code).toBe(190);
		expect((await get('/v24.0/me?fields=id', { authorization: `Bearer ${answer.body.access_token}` })).status).toBe(200);
	});
});
