/**
 * The node against the sandbox's Data365 module (both APIs), through the
 * real engine: the loading and task flows, exact paging, and each error the
 * emulator produces by name (see sandbox/providers/data365.ts).
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { createData365Module } from '../../../sandbox/providers/data365';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { runNode } from '../../harness/engine';
import { useFakeTime } from '../../fixtures/data365/fakeTime';
import { graphCredentials, registry, TOKEN, v11Credentials } from '../../fixtures/data365/registry';

let sandbox: Sandbox;
const time = useFakeTime();

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ modules: [createData365Module()], size: 20 });
});
afterAll(async () => {
	await sandbox.close();
	// Jest keeps this file's nock active in its worker: leave it allowing every
	// host, or it refuses the next file's mocked hosts.
	nock.enableNetConnect();
});
beforeEach(() => {
	sandbox.clearLog();
	sandbox.clearFaults();
});

const graph = () => graphCredentials(sandbox.baseUrl('/data365'));
const v11 = () => v11Credentials(sandbox.baseUrl('/data365/v1.1'));
const calls = () => sandbox.log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
const fieldsSent = () => sandbox.log.map((entry) => entry.query.fields);

describe('Data365 sandbox: Graph API', () => {
	it('a node seen for the first time answers 202 once, then the data comes; the token is in every query', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'graph_user' },
			credentials: graph(),
		});
		expect(result.status).toBe('success');
		expect(result.json()).toEqual([
			expect.objectContaining({ username: 'graph_user', is_being_updated: false, media_count: 20 }),
		]);
		expect(calls()).toEqual(['GET /data365/user/graph_user 202', 'GET /data365/user/graph_user 200']);
		expect(sandbox.log.every((entry) => entry.query.access_token === TOKEN)).toBe(true);
		expect(time.waits).toEqual([5000]);
	});

	it('ready after N polls (slow3-…): three 202s, three waits', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'slow3_juice' },
			credentials: graph(),
		});
		expect(result.json()).toEqual([expect.objectContaining({ id: 'slow3_juice' })]);
		expect(calls().map((call) => call.split(' ').pop())).toEqual(['202', '202', '202', '200']);
		expect(time.waits).toEqual([5000, 5000, 5000]);
	});

	it('never ready (never…): fails at the maximum wait', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'never_ready', options: { maxLoadingWaitSeconds: 12, pollIntervalSeconds: 4 } },
			credentials: graph(),
		});
		expect(result.error?.message).toBe(
			'Data365 is still loading the hashtag "#never_ready" after 4 requests over 12 s: Some nodes you requested are being loaded now: never_ready. Try again later',
		);
		expect(sandbox.totalRequests()).toBe(4);
	});

	it('Tag → Get Media with an exact limit: first(3), first(3).after(…), first(1).after(…)', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'tag',
				operation: 'getMedia',
				tagName: 'cached_paging',
				limit: 7,
				options: { pageSize: 3, fields: ['id', 'like_count', 'owner{id,username}'] },
			},
			credentials: graph(),
		});
		expect(result.status).toBe('success');
		expect(result.json()).toHaveLength(7);
		expect(Object.keys(result.json()[0])).toEqual([
			'id',
			'like_count',
			'owner.id',
			'owner.username',
			'timestamp',
			'last_update',
			'is_being_updated',
		]);
		expect(new Set(result.json().map((row) => row.id)).size).toBe(7);
		const sent = fieldsSent();
		expect(sent).toHaveLength(3);
		expect(sent[0]).toBe('id,media.first(3){page_info{has_next_page,end_cursor},edges{node{id,like_count,owner{id,username}}}}');
		expect(sent[1]).toMatch(/^id,media\.first\(3\)\.after\("[A-Za-z0-9+/=]+"\)\{/);
		expect(sent[2]).toMatch(/^id,media\.first\(1\)\.after\("[A-Za-z0-9+/=]+"\)\{/);
	});

	it('User → Get Media with Return All and a date range reads only the posts in range', async () => {
		const all = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'getMedia', username: 'cached_dated', returnAll: true, options: { fields: ['id', 'created_time'] } },
			credentials: graph(),
		});
		expect(all.json()).toHaveLength(20);
		const days = all.json().map((row) => String(row.created_time).slice(0, 10));
		const from = days[days.length - 3];
		const to = days[3];
		const ranged = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'user',
				operation: 'getMedia',
				username: 'cached_dated',
				returnAll: true,
				fromDate: from,
				toDate: to,
				options: { fields: ['id', 'created_time'] },
			},
			credentials: graph(),
		});
		const expected = all.json().filter((row) => {
			const day = String(row.created_time).slice(0, 10);
			return day >= from && day <= to;
		});
		expect(ranged.json()).toEqual(expected);
		expect(sandbox.log.at(-1)?.query).toEqual(expect.objectContaining({ from_date: from, to_date: to }));
	});

	it('Comment → Get Many returns every comment of a popular post, paging through them', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'comment', operation: 'getAll', mediaId: 'cachedpopular1', returnAll: true, options: { pageSize: 8 } },
			credentials: graph(),
		});
		expect(result.status).toBe('success');
		expect(result.json()).toHaveLength(20);
		expect(sandbox.totalRequests()).toBe(3);
	});

	it('Media → Get with the seed\'s long graph request (nested comments in media of a user) via User → Get', async () => {
		const graphRequest = `id,username,media.first(1){edges{node{shortcode,created_time,timestamp,media_type,media_url,caption,
tagged_user_media,tagged_user_text,tags,like_count,comment_count,video_view_count,
location{id,name,slug,has_public_page},
owner{id,username,full_name,profile_pic_url},
comments.first(1){edges{node{id,parent_id,created_time,timestamp,text,
owner{id,username,full_name,profile_pic_url}}}}}}}`;
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'cached_seed', simplify: false, options: { graphRequest } },
			credentials: graph(),
		});
		expect(result.status).toBe('success');
		const data = result.json()[0] as { media: { edges: Array<{ node: Record<string, unknown> }> } };
		expect(data.media.edges).toHaveLength(1);
		expect(Object.keys(data.media.edges[0].node)).toEqual(
			expect.arrayContaining(['shortcode', 'location', 'owner', 'comments', 'video_view_count']),
		);
	});

	it('Wait for Fresh Data follows is_being_updated flipping (updating2-…)', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'updating2_cachedtag', options: { waitForFreshData: true } },
			credentials: graph(),
		});
		expect(result.json()).toEqual([expect.objectContaining({ is_being_updated: false })]);
		expect(calls().map((call) => call.split(' ').pop())).toEqual(['202', '200', '200', '200']);
		expect(time.waits).toEqual([5000, 5000, 5000]);
	});

	it('each error type: 400 bad field, 403 bad token, 404 missing, 500 retried until it gives up', async () => {
		const run = (parameters: IDataObject, credentials = graph()) =>
			runNode(registry, { type: 'data365', parameters, credentials });

		const bad = await run({ resource: 'media', operation: 'get', mediaId: 'cachedm', options: { graphRequest: 'id_' } });
		expect(bad.error?.message).toBe('Data365 rejected the request: Cannot query field "id_" on type "Media". Did you mean "id"?');

		const token = await run(
			{ resource: 'tag', operation: 'get', tagName: 'juice' },
			{ data365Api: { ...graph().data365Api, accessToken: 'invalid-token' } },
		);
		expect(token.error?.message).toBe('The Data365 access token is missing or invalid: Invalid access token');

		const missing = await run({ resource: 'tag', operation: 'get', tagName: 'missing_tag' });
		expect(missing.error?.message).toBe(
			'Data365 could not find the Instagram hashtag "#missing_tag": Some nodes you requested cannot be loaded: missing_tag',
		);

		sandbox.clearLog();
		const broken = await run({ resource: 'user', operation: 'get', username: 'broken_user' });
		expect(broken.error?.message).toBe('Data365 had an internal error: Internal server error (gave up after 5 attempts: HTTP 500)');
		expect(sandbox.totalRequests()).toBe(5);
	});

	it('429 from the sandbox\'s fault injection is retried after Retry-After', async () => {
		sandbox.addFault({ route: 'GET /data365/:type/:id', kind: 'status', status: 429, retryAfter: '2', times: 1 });
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'cached429' },
			credentials: graph(),
		});
		expect(result.status).toBe('success');
		expect(time.waits).toEqual([2000]);
	});

	it('dropped connections are retried, then fail without the token anywhere in the run', async () => {
		sandbox.addFault({ route: 'GET /data365/:type/:id', kind: 'drop', times: 0 });
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'cached_drop' },
			credentials: graph(),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Could not reach Data365: /);
		expect(sandbox.totalRequests()).toBe(5);
		expect(time.waits).toEqual([500, 1000, 2000, 4000]);
		expect(JSON.stringify(result.run)).not.toContain(TOKEN);
	});

	it('a repeated cursor stops the list with an error', async () => {
		sandbox.addFault({ route: 'GET /data365/:type/:id', kind: 'repeatCursor', times: 1 });
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'getMedia', tagName: 'cached_repeat', returnAll: true, options: { pageSize: 5, fields: ['id'] } },
			credentials: graph(),
		});
		expect(result.error?.message).toBe(
			'The API returned the same next-page value twice while listing posts; stopped to avoid an endless loop',
		);
	});
});

describe('Data365 sandbox: v1.1', () => {
	it('User → Get: POST update, status created → finished, then the profile', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'v11_user' },
			credentials: v11(),
		});
		expect(result.status).toBe('success');
		expect(result.json()).toEqual([expect.objectContaining({ username: 'v11_user' })]);
		expect(calls()).toEqual([
			'POST /data365/v1.1/instagram/profile/v11_user/update 202',
			'GET /data365/v1.1/instagram/profile/v11_user/update 200',
			'GET /data365/v1.1/instagram/profile/v11_user/update 200',
			'GET /data365/v1.1/instagram/profile/v11_user 200',
		]);
		expect(time.waits).toEqual([5000]);
	});

	it('Tag → Get Media with an exact limit: max_posts on the task, max_page_size 3, 3, 1', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'getMedia', tagName: 'v11tag', limit: 7, options: { pageSize: 3 } },
			credentials: v11(),
		});
		expect(result.json()).toHaveLength(7);
		const reads = sandbox.log.filter((entry) => entry.path.endsWith('/posts'));
		expect(reads.map((entry) => entry.query.max_page_size)).toEqual(['3', '3', '1']);
		expect(sandbox.log[0].query).toEqual({ load_posts: 'true', max_posts: '7', access_token: TOKEN });
	});

	it('User → Get Media and Comment → Get Many with Return All read everything collected', async () => {
		const posts = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'getMedia', username: 'v11_feed', returnAll: true },
			credentials: v11(),
		});
		expect(posts.json()).toHaveLength(20);
		const comments = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'comment', operation: 'getAll', mediaId: 'popularpost', returnAll: true, options: { pageSize: 15 } },
			credentials: v11(),
		});
		expect(comments.json()).toHaveLength(20);
		const media = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'media', operation: 'get', mediaId: 'popularpost' },
			credentials: v11(),
		});
		expect(media.json()).toEqual([expect.objectContaining({ shortcode: 'popularpost', comment_count: 20 })]);
	});

	it('a failing task, a canceled task, a task that never ends, and a missing profile', async () => {
		const run = (username: string, options: object = {}) =>
			runNode(registry, { type: 'data365', parameters: { resource: 'user', operation: 'get', username, options }, credentials: v11() });

		expect((await run('failing_one')).error?.message).toMatch(
			/^Data365 update task task-\d{4}-failing_one for the user "failing_one" failed: Instagram did not answer$/,
		);
		expect((await run('canceled_one')).error?.message).toMatch(
			/^Data365 update task task-\d{4}-canceled_one for the user "canceled_one" was canceled$/,
		);
		expect((await run('never_done', { maxLoadingWaitSeconds: 20 })).error?.message).toMatch(
			/^Data365 update task task-\d{4}-never_done for the user "never_done" did not finish within 20 s \(last status: pending\)$/,
		);
		expect((await run('missing_one')).error?.message).toMatch(/failed: Profile missing_one does not exist or is private$/);
		expect((await run('missing_two', { skipUpdate: true })).error?.message).toBe(
			'Data365 could not find the Instagram user "missing_two": Profile missing_two not found. Create an update task first.',
		);
	});

	it('an invalid token gets the token error', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice' },
			credentials: { data365Api: { ...v11().data365Api, accessToken: 'invalid-v11' } },
		});
		expect(result.error?.message).toBe('The Data365 access token is missing or invalid: Invalid access_token');
	});
});
