/**
 * The v1.1 API: POST .../update starts a task, GET .../update is polled until
 * it finishes, then the data is read (lists with cursor paging).
 */
import nock from 'nock';

import { runNode } from '../../harness/engine';
import { useFakeTime } from '../../fixtures/data365/fakeTime';
import { registry, TOKEN, V11_HOST, v11Credentials } from '../../fixtures/data365/registry';

const accepted = (taskId: string) => ({ status: 'accepted', data: { task_id: taskId }, error: null });
const task = (status: string, extra: object = {}) => ({ status: 'ok', data: { status, ...extra }, error: null });
const ok = (data: unknown) => ({ status: 'ok', data, error: null });
const page = (items: object[], hasNext: boolean, cursor: string | null = null) =>
	ok({ items, page_info: { has_next_page: hasNext, cursor } });
const auth = { access_token: TOKEN };

const api = () => nock(V11_HOST);
const time = useFakeTime();

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const profile = {
	id: '13460080',
	username: 'spacex',
	full_name: 'SpaceX',
	followers_count: 15000000,
	is_verified: true,
	last_update: '1718452800',
};

describe('Data365 v1.1: User → Get', () => {
	it('starts the update task, polls its status every 5 s until finished, then reads the profile', async () => {
		const scope = api()
			.post('/v1.1/instagram/profile/spacex/update')
			.query(auth)
			.reply(202, accepted('task-1'))
			.get('/v1.1/instagram/profile/spacex/update')
			.query(auth)
			.reply(200, task('created', { task_id: 'task-1' }))
			.get('/v1.1/instagram/profile/spacex/update')
			.query(auth)
			.reply(200, task('pending', { task_id: 'task-1' }))
			.get('/v1.1/instagram/profile/spacex/update')
			.query(auth)
			.reply(200, task('finished', { task_id: 'task-1' }))
			.get('/v1.1/instagram/profile/spacex')
			.query(auth)
			.reply(200, ok(profile));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'spacex' },
			credentials: v11Credentials(),
		});

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([
			{
				json: {
					id: '13460080',
					username: 'spacex',
					full_name: 'SpaceX',
					followers_count: 15000000,
					is_verified: true,
					last_update: 1718452800,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(time.waits).toEqual([5000, 5000]);
		expect(scope.isDone()).toBe(true);
	});

	it('is ready at once when the first status poll says finished; Simplify off returns data unchanged', async () => {
		api()
			.post('/v1.1/instagram/profile/spacex/update')
			.query(auth)
			.reply(202, accepted('task-2'))
			.get('/v1.1/instagram/profile/spacex/update')
			.query(auth)
			.reply(200, task('finished'))
			.get('/v1.1/instagram/profile/spacex')
			.query(auth)
			.reply(200, ok(profile));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'spacex', simplify: false },
			credentials: v11Credentials(),
		});

		expect(result.json()).toEqual([profile]);
		expect(time.waits).toEqual([]);
	});

	it('with "Read Cached Data Only" reads without starting a task', async () => {
		const scope = api().get('/v1.1/instagram/profile/spacex').query(auth).reply(200, ok(profile));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'spacex', options: { skipUpdate: true } },
			credentials: v11Credentials(),
		});
		expect(result.json()).toHaveLength(1);
		expect(scope.isDone()).toBe(true);
	});

	it('uses a Base URL override (trailing slash stripped), e.g. a proxy', async () => {
		const scope = nock('https://proxy.example.com')
			.get('/data365/v1.1/instagram/profile/spacex')
			.query(auth)
			.reply(200, ok(profile));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'spacex', options: { skipUpdate: true } },
			credentials: v11Credentials('https://proxy.example.com/data365/v1.1/'),
		});
		expect(result.status).toBe('success');
		expect(scope.isDone()).toBe(true);
	});
});

describe('Data365 v1.1: lists with cursor paging', () => {
	const post = (id: string) => ({ id, text: `post ${id}`, likes_count: '7', created_time: '2024-06-01T10:00:00' });
	const postRow = (id: string) => ({ id, text: `post ${id}`, likes_count: 7, created_time: '2024-06-01T10:00:00' });

	it('User → Get Media: task collects max_posts with the dates, pages shrink to the exact limit', async () => {
		const dates = { from_date: '2024-05-01', to_date: '2024-06-30' };
		const scope = api()
			.post('/v1.1/instagram/profile/spacex/update')
			.query({ load_feed_posts: 'true', max_posts: '5', ...dates, ...auth })
			.reply(202, accepted('task-3'))
			.get('/v1.1/instagram/profile/spacex/update')
			.query(auth)
			.reply(200, task('finished'))
			.get('/v1.1/instagram/profile/spacex/feed/posts')
			.query({ ...dates, max_page_size: '3', ...auth })
			.reply(200, page([post('1'), post('2'), post('3')], true, 'cur-3'))
			.get('/v1.1/instagram/profile/spacex/feed/posts')
			.query({ ...dates, max_page_size: '2', cursor: 'cur-3', ...auth })
			.reply(200, page([post('4'), post('5')], true, 'cur-5'));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'user',
				operation: 'getMedia',
				username: 'spacex',
				limit: 5,
				fromDate: '2024-05-01',
				toDate: '2024-06-30T23:00:00',
				options: { pageSize: 3 },
			},
			credentials: v11Credentials(),
		});

		expect(result.status).toBe('success');
		expect(result.items()).toEqual(['1', '2', '3', '4', '5'].map((id) => ({ json: postRow(id), pairedItem: { item: 0 } })));
		expect(scope.isDone()).toBe(true);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('Tag → Get Media with Return All: no max_posts, pages of 50 until has_next_page is false', async () => {
		const scope = api()
			.post('/v1.1/instagram/tag/juice/update')
			.query({ load_posts: 'true', ...auth })
			.reply(202, accepted('task-4'))
			.get('/v1.1/instagram/tag/juice/update')
			.query(auth)
			.reply(200, task('finished'))
			.get('/v1.1/instagram/tag/juice/posts')
			.query({ max_page_size: '50', ...auth })
			.reply(200, page([post('a')], true, 'c1'))
			.get('/v1.1/instagram/tag/juice/posts')
			.query({ max_page_size: '50', cursor: 'c1', ...auth })
			.reply(200, page([post('b')], false, null));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'getMedia', tagName: '#juice', returnAll: true },
			credentials: v11Credentials(),
		});

		expect(result.json()).toEqual([postRow('a'), postRow('b')]);
		expect(scope.isDone()).toBe(true);
	});

	it('Comment → Get Many: the post task loads comments, then they are read', async () => {
		const comment = { id: 'c1', text: 'nice', owner: { username: 'fan' } };
		const scope = api()
			.post('/v1.1/instagram/post/BiQovLGAWIq/update')
			.query({ load_comments: 'true', max_comments: '2', ...auth })
			.reply(202, accepted('task-5'))
			.get('/v1.1/instagram/post/BiQovLGAWIq/update')
			.query(auth)
			.reply(200, task('finished'))
			.get('/v1.1/instagram/post/BiQovLGAWIq/comments')
			.query({ max_page_size: '2', ...auth })
			.reply(200, page([comment, { id: 'c2', text: 'wow', owner: null }, { id: 'c3' }], true, 'n'));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'comment', operation: 'getAll', mediaId: 'BiQovLGAWIq', limit: 2 },
			credentials: v11Credentials(),
		});

		expect(result.json()).toEqual([
			{ id: 'c1', text: 'nice', 'owner.username': 'fan' },
			{ id: 'c2', text: 'wow', 'owner.username': null },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('tolerates a list given as data itself and a page_info beside data', async () => {
		api()
			.get('/v1.1/instagram/tag/juice/posts')
			.query({ max_page_size: '50', ...auth })
			.reply(200, { status: 'ok', data: [post('x')], page_info: { has_next_page: false } });
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'getMedia', tagName: 'juice', options: { skipUpdate: true } },
			credentials: v11Credentials(),
		});
		expect(result.json()).toEqual([postRow('x')]);
	});
});

describe('Data365 v1.1: Media → Get and Tag → Get', () => {
	it('Media → Get uses the post paths', async () => {
		const scope = api()
			.post('/v1.1/instagram/post/1770093817144369706/update')
			.query(auth)
			.reply(202, accepted('task-6'))
			.get('/v1.1/instagram/post/1770093817144369706/update')
			.query(auth)
			.reply(200, task('finished'))
			.get('/v1.1/instagram/post/1770093817144369706')
			.query(auth)
			.reply(200, ok({ id: '1770093817144369706', shortcode: 'BiQovLGAWIq', comments_count: '12' }));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'media', operation: 'get', mediaId: '1770093817144369706' },
			credentials: v11Credentials(),
		});

		expect(result.json()).toEqual([{ id: '1770093817144369706', shortcode: 'BiQovLGAWIq', comments_count: 12 }]);
		expect(scope.isDone()).toBe(true);
	});

	it('Tag → Get: an "unknown" status right after the start means ask again', async () => {
		api()
			.post('/v1.1/instagram/tag/juice/update')
			.query(auth)
			.reply(202, accepted('task-7'))
			.get('/v1.1/instagram/tag/juice/update')
			.query(auth)
			.reply(200, task('unknown'))
			.get('/v1.1/instagram/tag/juice/update')
			.query(auth)
			.reply(200, task('finished'))
			.get('/v1.1/instagram/tag/juice')
			.query(auth)
			.reply(200, ok({ id: 'juice', media_count: 100 }));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice', options: { pollIntervalSeconds: 3 } },
			credentials: v11Credentials(),
		});

		expect(result.json()).toEqual([{ id: 'juice', media_count: 100 }]);
		expect(time.waits).toEqual([3000]);
	});
});

describe('Data365 v1.1: task failures', () => {
	it('a task that fails gives an error naming the task ID and the reason', async () => {
		api()
			.post('/v1.1/instagram/profile/ghost/update')
			.query(auth)
			.reply(202, accepted('task-fail-1'))
			.get('/v1.1/instagram/profile/ghost/update')
			.query(auth)
			.reply(200, task('pending'))
			.get('/v1.1/instagram/profile/ghost/update')
			.query(auth)
			.reply(200, task('fail', { message: 'Profile is private' }));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'ghost' },
			credentials: v11Credentials(),
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Data365 update task task-fail-1 for the user "ghost" failed: Profile is private');
		expect(result.error?.description).toContain('give Data365 the task ID');
		expect(time.waits).toEqual([5000]);
	});

	it('a canceled task gives an error naming the task ID', async () => {
		api()
			.post('/v1.1/instagram/tag/juice/update')
			.query(true)
			.reply(202, accepted('task-cancel-1'))
			.get('/v1.1/instagram/tag/juice/update')
			.query(auth)
			.reply(200, task('canceled'));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'getMedia', tagName: 'juice', limit: 10 },
			credentials: v11Credentials(),
		});

		expect(result.error?.message).toBe('Data365 update task task-cancel-1 for the hashtag "#juice" was canceled');
	});

	it('a task never finishing ends at the maximum wait with an error naming the task ID', async () => {
		const scope = api()
			.post('/v1.1/instagram/post/123/update')
			.query(auth)
			.reply(202, accepted('task-slow-1'))
			.get('/v1.1/instagram/post/123/update')
			.query(auth)
			.times(3)
			.reply(200, task('pending'));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'media',
				operation: 'get',
				mediaId: '123',
				options: { pollIntervalSeconds: 5, maxLoadingWaitSeconds: 10 },
			},
			credentials: v11Credentials(),
		});

		expect(result.error?.message).toBe(
			'Data365 update task task-slow-1 for the media "123" did not finish within 10 s (last status: pending)',
		);
		expect(result.error?.description).toContain('Read Cached Data Only');
		expect(time.waits).toEqual([5000, 5000]);
		expect(scope.isDone()).toBe(true);
	});
});
