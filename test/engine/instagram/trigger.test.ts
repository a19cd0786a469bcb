/**
 * Instagram Insights Trigger across several polls, in n8n-core's real
 * PollContext, against the Graph API sandbox with its clock: records that
 * arrive between and during polls, each emitted once, nothing lost.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { InstagramGraphApi } from '../../../credentials/InstagramGraphApi.credentials';
import { InstagramInsightsTrigger } from '../../../nodes/Instagram/InstagramInsightsTrigger.node';
import { requestDeps } from '../../../nodes/shared/request';
import { createInstagramModule, SANDBOX_IDS, SANDBOX_NOW, type InstagramSandboxOptions } from '../../../sandbox/providers/instagram';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { registryOf, runPoll } from '../../harness/engine';
import { batchOf } from './batch';

const registry = registryOf({ instagramInsightsTrigger: new InstagramInsightsTrigger() }, [new InstagramGraphApi()]);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const EPOCH = SANDBOX_NOW - 6 * HOUR;

const sandboxes: Sandbox[] = [];
const realNow = requestDeps.now;

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
	requestDeps.now = realNow;
});
afterAll(async () => {
	await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
	nock.enableNetConnect();
});

async function sandboxWith(options: InstagramSandboxOptions = {}, size = 12) {
	const module = createInstagramModule(options);
	const sandbox = await startSandbox({ modules: [module], size });
	sandboxes.push(sandbox);
	// The trigger's clock is the sandbox's.
	requestDeps.now = () => module.control.now();
	return { sandbox, control: module.control };
}

const fb = (sandbox: Sandbox) => ({
	instagramGraphApi: { loginType: 'facebookLogin', accessToken: 'EAAB-trigger-token-1', baseUrl: sandbox.baseUrl('/instagram') },
});
const ig = (sandbox: Sandbox, extra: IDataObject = {}) => ({
	instagramGraphApi: { loginType: 'instagramLogin', accessToken: 'IGAA-trigger-token-1', baseUrl: sandbox.baseUrl('/instagram'), ...extra },
});
const account = { __rl: true, mode: 'id', value: SANDBOX_IDS.mainAccount };

function poller(sandbox: Sandbox, parameters: IDataObject, credentials = fb(sandbox)) {
	const staticData: IDataObject = {};
	const poll = async (mode: 'trigger' | 'manual' = 'trigger') =>
		await runPoll(registry, { type: 'instagramInsightsTrigger', parameters, credentials, staticData, mode });
	return { staticData, poll };
}

describe('Instagram Insights Trigger: New Media', () => {
	it('starts from now on first activation, then emits each new media once, a late one too', async () => {
		const { sandbox, control } = await sandboxWith();
		const { staticData, poll } = poller(sandbox, { event: 'newMedia', accountId: account });

		// First activation: no request, nothing emitted, the position is now.
		expect((await poll()).returned).toBeNull();
		expect(sandbox.totalRequests()).toBe(0);
		expect(staticData.position).toMatchObject({ key: `newMedia:${SANDBOX_IDS.mainAccount}`, startedAt: SANDBOX_NOW, cursor: SANDBOX_NOW });

		control.advance(5 * MINUTE);
		const first = control.publishMedia({ caption: 'first' });
		const second = await poll();
		expect(second.json.map((row) => [row.id, row.caption])).toEqual([[first, 'first']]);
		expect(second.json[0]).toEqual({
			id: first,
			timestamp: expect.any(String),
			media_type: 'IMAGE',
			media_product_type: 'FEED',
			permalink: expect.stringMatching(/^https:\/\/www\.instagram\.com\/p\//),
			caption: 'first',
			like_count: 0,
			comments_count: 0,
		});

		control.advance(5 * MINUTE);
		expect((await poll()).returned).toBeNull();

		// One posted now, and one that Meta lists only now though it carries an earlier time (same second as the first).
		control.advance(5 * MINUTE);
		const late = control.publishMedia({ caption: 'late', timestamp: SANDBOX_NOW + 5 * MINUTE });
		const fresh = control.publishMedia({ caption: 'fresh' });
		const fourth = await poll();
		expect(fourth.json.map((row) => row.id)).toEqual([late, fresh]);
		expect((await poll()).returned).toBeNull();
		// Each poll read one page of media.
		expect(sandbox.counts()).toEqual({ 'GET /instagram/:version/:id/media': 4 });
	});

	it('returns a few recent media on a manual test run, without moving the position', async () => {
		const { sandbox } = await sandboxWith();
		const { staticData, poll } = poller(sandbox, { event: 'newMedia', accountId: account });

		const manual = await poll('manual');

		expect(manual.json).toHaveLength(5);
		// Oldest first, as polls emit them.
		const times = manual.json.map((row) => Date.parse(String(row.timestamp).replace('+0000', 'Z')));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(staticData).toEqual({});
	});
});

describe('Instagram Insights Trigger: Simplify off', () => {
	it("emits Meta's media and comment JSON as it came, the comment with its media", async () => {
		const { sandbox, control } = await sandboxWith();
		const media = poller(sandbox, { event: 'newMedia', accountId: account, simplify: false });
		const comments = poller(sandbox, { event: 'newComment', accountId: account, mediaCount: 1, simplify: false });
		await media.poll();
		await comments.poll();
		control.advance(MINUTE);
		const mediaId = control.publishMedia({ caption: 'raw' });
		control.advance(MINUTE);
		const commentId = control.addComment(mediaId, { text: 'raw comment' });

		expect((await media.poll()).json).toEqual([
			{
				id: mediaId,
				timestamp: expect.any(String),
				media_type: 'IMAGE',
				media_product_type: 'FEED',
				permalink: expect.any(String),
				caption: 'raw',
				like_count: 0,
				comments_count: 1,
			},
		]);
		expect((await comments.poll()).json).toEqual([
			{
				id: commentId,
				timestamp: expect.any(String),
				username: 'new_fan',
				text: 'raw comment',
				like_count: 0,
				media: { id: mediaId, permalink: expect.any(String) },
			},
		]);
	});
});

describe('Instagram Insights Trigger: New Comment', () => {
	it('emits comments on the watched media once, including one that arrived mid-poll on a media already read', async () => {
		let arriveMidPoll: (() => void) | undefined;
		const { sandbox, control } = await sandboxWith({
			onRequest: (request) => {
				if (arriveMidPoll && request.path.endsWith('/comments') && request.path.includes(media[2])) {
					arriveMidPoll();
					arriveMidPoll = undefined;
				}
			},
		});
		const media: string[] = [];
		for (let index = 0; index < 3; index++) {
			control.advance(MINUTE);
			media.unshift(control.publishMedia()); // newest first, as Meta lists them
		}
		const { poll } = poller(
			sandbox,
			{ event: 'newComment', accountId: account, mediaCount: 3, options: { concurrency: 1 } },
			ig(sandbox),
		);

		expect((await poll()).returned).toBeNull();

		control.advance(MINUTE);
		const c1 = control.addComment(media[0], { text: 'love it' });
		control.advance(MINUTE);
		const c2 = control.addComment(media[2], { text: 'where is this?' });
		const second = await poll();
		expect(second.json).toEqual([
			{
				id: c1,
				timestamp: expect.any(String),
				username: 'new_fan',
				text: 'love it',
				like_count: 0,
				media_id: media[0],
				media_permalink: expect.stringMatching(/^https:\/\/www\.instagram\.com\//),
			},
			expect.objectContaining({ id: c2, text: 'where is this?', media_id: media[2] }),
		]);

		// During the next poll: once media[0] has been read, a comment lands on it, and a later one on media[2].
		control.advance(MINUTE);
		let missed = '';
		let seen = '';
		arriveMidPoll = () => {
			missed = control.addComment(media[0], { text: 'mid-poll' });
			control.advance(1000);
			seen = control.addComment(media[2], { text: 'after it' });
		};
		const third = await poll();
		expect(third.json.map((row) => row.id)).toEqual([seen]);
		const fourth = await poll();
		expect(fourth.json.map((row) => row.id)).toEqual([missed]);
		expect((await poll()).returned).toBeNull();
	});

	it('reads every page of comments when Meta lists them oldest first, and stops early when newest first', async () => {
		for (const commentOrder of ['oldestFirst', 'newestFirst'] as const) {
			const { sandbox, control } = await sandboxWith({ commentOrder });
			const mediaId = control.publishMedia();
			for (let index = 0; index < 60; index++) {
				control.advance(1000);
				control.addComment(mediaId);
			}
			const { poll } = poller(sandbox, { event: 'newComment', accountId: account, mediaCount: 1 });
			control.advance(1000);
			await poll();
			control.advance(2 * HOUR);
			const fresh = control.addComment(mediaId, { text: 'new one' });
			sandbox.clearLog();

			const result = await poll();

			expect(result.json.map((row) => row.id)).toEqual([fresh]);
			// 61 comments in pages of 50: a second page only when the newest are last.
			expect(sandbox.counts()['GET /instagram/:version/:id/comments'] ?? 0).toBe(commentOrder === 'oldestFirst' ? 1 : 0);
			expect(sandbox.counts()['POST /instagram']).toBe(1);
		}
	});

	it('returns the newest comments of the watched media on a manual test run', async () => {
		const { sandbox, control } = await sandboxWith();
		const mediaId = control.publishMedia();
		const ids = Array.from({ length: 7 }, () => {
			control.advance(1000);
			return control.addComment(mediaId);
		});
		const { staticData, poll } = poller(sandbox, { event: 'newComment', accountId: account, mediaCount: 2 });

		const manual = await poll('manual');

		expect(manual.json.map((row) => row.id)).toEqual(ids.slice(-5));
		expect(staticData).toEqual({});
	});
});

describe('Instagram Insights Trigger: Story Insights', () => {
	it('emits each story once with its insights when it is 20 hours old, before it expires', async () => {
		const { sandbox, control } = await sandboxWith();
		// The sandbox's four stories were posted 1, 2, 3 and 4 hours after its epoch; the fourth has too few viewers.
		const { staticData, poll } = poller(sandbox, { event: 'storyInsights', accountId: account });
		expect((await poll()).returned).toBeNull();

		control.setNow(EPOCH + 20 * HOUR + 30 * MINUTE);
		expect((await poll()).returned).toBeNull();

		control.setNow(EPOCH + 21 * HOUR + 30 * MINUTE);
		const first = await poll();
		expect(first.json).toHaveLength(1);
		const row = first.json[0];
		expect(row).toMatchObject({
			media_product_type: 'STORY',
			expires_at: new Date(EPOCH + 25 * HOUR).toISOString(),
			captured_at: new Date(EPOCH + 21 * HOUR + 30 * MINUTE).toISOString(),
		});
		expect(Object.keys(row)).toEqual([
			'id', 'timestamp', 'media_type', 'media_product_type', 'permalink', 'media_url', 'thumbnail_url', 'expires_at', 'captured_at',
			'views', 'reach', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'replies',
			'navigation', 'navigation_tap_forward', 'navigation_tap_back', 'navigation_tap_exit', 'navigation_swipe_forward',
		]);
		expect(typeof row.reach).toBe('number');
		expect(row.navigation).toBe(
			Number(row.navigation_tap_forward) + Number(row.navigation_tap_back) + Number(row.navigation_tap_exit) + Number(row.navigation_swipe_forward),
		);

		// A story posted in between is caught 20 hours after it was posted.
		const late = control.postStory();
		control.setNow(EPOCH + 23 * HOUR + 30 * MINUTE);
		const second = await poll();
		expect(second.json.map((story) => story.id)).toHaveLength(2);
		expect(second.json.map((story) => story.id)).not.toContain(row.id);

		control.setNow(EPOCH + 24 * HOUR + 30 * MINUTE);
		const third = await poll();
		// The fourth story, under the viewer threshold: emitted once, its metrics null.
		expect(third.json).toHaveLength(1);
		expect(third.json[0].reach).toBeNull();
		expect(third.json[0].navigation_tap_back).toBeNull();

		// Posted at +21 h 30 min: 20 hours old at +41 h 30 min.
		control.setNow(EPOCH + 41 * HOUR + 40 * MINUTE);
		expect((await poll()).json.map((story) => story.id)).toEqual([late]);
		expect((await poll()).returned).toBeNull();
		expect(Object.keys((staticData.position as IDataObject).emitted as IDataObject)).toHaveLength(5);
	});

	it('does not emit a story that had reached the age before the first activation', async () => {
		const { sandbox, control } = await sandboxWith();
		control.setNow(EPOCH + 22 * HOUR + 30 * MINUTE);
		const { poll } = poller(sandbox, { event: 'storyInsights', accountId: account, storyAge: 20 });
		await poll();

		control.setNow(EPOCH + 24 * HOUR + 10 * MINUTE);
		const result = await poll();

		// Posted at +1 h and +2 h: 20 hours old before activation. Posted at +3 h and +4 h: after.
		expect(result.json.map((story) => story.timestamp)).toEqual([
			new Date(EPOCH + 3 * HOUR).toISOString().replace('.000Z', '+0000'),
			new Date(EPOCH + 4 * HOUR).toISOString().replace('.000Z', '+0000'),
		]);
	});

	it('returns the live stories with their insights so far on a manual test run', async () => {
		const { sandbox } = await sandboxWith();
		const { staticData, poll } = poller(sandbox, { event: 'storyInsights', accountId: account, metrics: ['reach'] }, ig(sandbox));

		const manual = await poll('manual');

		expect(manual.json.map((story) => [typeof story.reach, story.navigation])).toEqual([
			['number', undefined],
			['number', undefined],
			['number', undefined],
			['object', undefined],
		]);
		expect(staticData).toEqual({});
	});

	it('refreshes a due Instagram Login token inside a poll, and polls with the new token', async () => {
		const { sandbox, control } = await sandboxWith();
		const token = control.issueToken({ ageMs: 8 * 24 * HOUR });
		const { tokenFingerprint } = await import('../../../nodes/Instagram/tokenRefresh');
		const credentials = ig(sandbox, {
			accessToken: token,
			refreshedToken: token,
			refreshedExpiresAt: new Date(control.now() + 52 * 24 * HOUR).toISOString(),
			refreshDueAt: new Date(control.now() - HOUR).toISOString(),
			refreshedFrom: tokenFingerprint(token),
		});
		const { poll } = poller(sandbox, { event: 'newMedia' }, credentials);

		const manual = await poll('manual');

		expect(manual.json).toHaveLength(5);
		expect(control.refreshes()).toBe(1);
		const media = sandbox.log.find((entry) => entry.path.endsWith('/media'))!;
		expect(media.headers.authorization).toMatch(/^Bearer IGAA-sandbox-refreshed-/);
		expect(sandbox.log.find((entry) => entry.path === '/instagram/refresh_access_token')!.query).toEqual({
			grant_type: 'ig_refresh_token',
			access_token: token,
		});
	});
});

describe('Instagram Insights Trigger: the exact requests', () => {
	const FB_HOST = 'https://graph.facebook.com';
	const TOKEN = 'EAAB-trigger-token-2';
	const credentials = { instagramGraphApi: { loginType: 'facebookLogin', accessToken: TOKEN, apiVersion: 'v24.0' } };
	const graph = () => nock(FB_HOST, { reqheaders: { authorization: `Bearer ${TOKEN}` } });
	const NOW = Date.parse('2026-11-22T12:00:00Z');
	afterEach(() => nock.cleanAll());

	it('New Comment: the watched media, then their first comment pages in one batch', async () => {
		requestDeps.now = () => NOW;
		const staticData: IDataObject = {
			position: { key: `newComment:${SANDBOX_IDS.mainAccount}`, startedAt: NOW - HOUR, cursor: NOW - HOUR, seen: {} },
		};
		const fields = 'id,timestamp,username,text,like_count';
		graph()
			.get(`/v24.0/${SANDBOX_IDS.mainAccount}/media`)
			.query({ fields: 'id,timestamp,permalink', limit: '2' })
			.reply(200, { data: [{ id: 'm2', permalink: 'https://p/2' }, { id: 'm1', permalink: 'https://p/1' }] })
			.post('/', batchOf([`v24.0/m2/comments?fields=${fields}&limit=50`, `v24.0/m1/comments?fields=${fields}&limit=50`]))
			.reply(200, [
				{ code: 200, body: JSON.stringify({ data: [{ id: 'c9', timestamp: '2026-11-22T11:30:00+0000', username: 'ann', text: 'hi' }] }) },
				// Meta can no longer find a media deleted since it was listed: nothing to watch there.
				{ code: 400, body: JSON.stringify({ error: { message: 'Unsupported get request', code: 100, error_subcode: 33 } }) },
			]);

		const result = await runPoll(registry, {
			type: 'instagramInsightsTrigger',
			parameters: { event: 'newComment', accountId: account, mediaCount: 2 },
			credentials,
			staticData,
		});

		expect(result.items).toEqual([
			{
				json: {
					id: 'c9',
					timestamp: '2026-11-22T11:30:00+0000',
					username: 'ann',
					text: 'hi',
					like_count: null,
					media_id: 'm2',
					media_permalink: 'https://p/2',
				},
			},
		]);
		expect(staticData.position).toEqual({
			key: `newComment:${SANDBOX_IDS.mainAccount}`,
			startedAt: NOW - HOUR,
			cursor: Date.parse('2026-11-22T11:30:00Z'),
			seen: { c9: Date.parse('2026-11-22T11:30:00Z') },
		});
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('keeps the position when a poll fails, so the next poll reads the same records again', async () => {
		requestDeps.now = () => NOW;
		const position = { key: `newMedia:${SANDBOX_IDS.mainAccount}`, startedAt: NOW - HOUR, cursor: NOW - HOUR, seen: {} };
		const staticData: IDataObject = { position: { ...position } };
		graph()
			.get(`/v24.0/${SANDBOX_IDS.mainAccount}/media`)
			.query({ fields: 'id,timestamp,media_type,media_product_type,permalink,caption,like_count,comments_count', limit: '100' })
			.reply(400, { error: { message: '(#200) Requires instagram_basic permission', code: 200 } });

		await expect(
			runPoll(registry, { type: 'instagramInsightsTrigger', parameters: { event: 'newMedia', accountId: account }, credentials, staticData }),
		).rejects.toThrow('(#200) Requires instagram_basic permission');
		expect(staticData.position).toEqual(position);
	});
});
