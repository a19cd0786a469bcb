/**
 * The Graph-style API (the seed): every operation's exact request and rows,
 * paging with Relay cursors, the 202 "being loaded" polling and
 * "Wait for Fresh Data".
 */
import nock from 'nock';

import { runNode } from '../../harness/engine';
import { useFakeTime } from '../../fixtures/data365/fakeTime';
import { GRAPH_HOST, graphCredentials, registry, TOKEN } from '../../fixtures/data365/registry';

const MEDIA_FIELDS =
	'id,shortcode,created_time,media_type,media_url,caption,tags,like_count,comment_count,video_view_count,owner{id,username},last_update,is_being_updated';
const USER_FIELDS =
	'id,username,full_name,biography,external_url,profile_pic_url,is_private,is_verified,follower_count,follow_count,media_count,last_update,is_being_updated';
const TAG_FIELDS = 'id,media_count,profile_pic_url,last_update,is_being_updated';
const COMMENT_FIELDS = 'id,parent_id,created_time,text,owner{id,username},last_update,is_being_updated';
const PAGE = (edge: string, calls: string, fields: string) =>
	`id,${edge}${calls}{page_info{has_next_page,end_cursor},edges{node{${fields}}}}`;

const ok = (data: object) => ({ error: {}, data, status: 'ok' });
const accepted = (id: string) => ({
	error: { message: `Some nodes you requested are being loaded now: ${id}. Try again later`, type: 'RequestAccepted' },
	data: {},
	status: 'accepted',
});

const post = (id: string, extra: object = {}) => ({
	id,
	shortcode: `sc${id}`,
	created_time: '2019-06-13T11:53:37',
	media_type: 'GraphImage',
	media_url: `https://cdn.example.com/${id}.jpg`,
	caption: ['Morning light', '#photography'],
	tags: ['photography', 'morning'],
	like_count: 120,
	comment_count: 4,
	video_view_count: null,
	owner: { id: '3008836221', username: 'teslamotorsports' },
	last_update: 1560427709,
	is_being_updated: false,
	...extra,
});
const postRow = (id: string, extra: object = {}) => ({
	id,
	shortcode: `sc${id}`,
	created_time: '2019-06-13T11:53:37',
	media_type: 'GraphImage',
	media_url: `https://cdn.example.com/${id}.jpg`,
	caption: 'Morning light\n#photography',
	tags: 'photography, morning',
	like_count: 120,
	comment_count: 4,
	video_view_count: null,
	'owner.id': '3008836221',
	'owner.username': 'teslamotorsports',
	last_update: 1560427709,
	is_being_updated: false,
	...extra,
});

const api = () => nock(GRAPH_HOST);
const time = useFakeTime();

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Data365 Graph API: Media → Get', () => {
	it('asks for the default fields with the token in the query and emits one flat row', async () => {
		const scope = api()
			.get('/instagram/media/1770093817144369706')
			.query({ fields: MEDIA_FIELDS, access_token: TOKEN })
			.reply(200, ok(post('1770093817144369706')));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'media', operation: 'get', mediaId: '1770093817144369706' },
			credentials: graphCredentials(),
		});

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([{ json: postRow('1770093817144369706'), pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
		expect(time.waits).toEqual([]);
	});

	it('takes a shortcode from a post URL, and with Simplify off returns the data unchanged', async () => {
		const data = {
			id: '1770093817144369706',
			shortcode: 'BiQovLGAWIq',
			created_time: '2018-05-02T03:27:28',
			owner: { id: '3008836221', username: 'teslamotorsports' },
		};
		api()
			.get('/instagram/media/BiQovLGAWIq')
			.query({ fields: 'id,shortcode,created_time,owner{id,username}', access_token: TOKEN })
			.reply(200, ok(data));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'media',
				operation: 'get',
				mediaId: 'https://www.instagram.com/p/BiQovLGAWIq/',
				simplify: false,
				options: { fields: ['id', 'shortcode', 'created_time', 'owner{id,username}'] },
			},
			credentials: graphCredentials(),
		});

		expect(result.items()).toEqual([{ json: data, pairedItem: { item: 0 } }]);
	});

	it('sends a typed graph request, and unwraps edges/node of a nested connection into a list', async () => {
		// The seed's "First comment + owner" request.
		api()
			.get('/instagram/media/1770093817144369706')
			.query({
				fields: 'id,shortcode,created_time,owner{id,username},comments.first(1){edges{node{id,text,owner{id,username}}}}',
				access_token: TOKEN,
			})
			.reply(
				200,
				ok({
					id: '1770093817144369706',
					shortcode: 'BiQovLGAWIq',
					created_time: '2018-05-02T03:27:28',
					owner: { id: '3008836221', username: 'teslamotorsports' },
					comments: {
						edges: [
							{
								node: {
									id: '17927679481127546',
									timestamp: 1525641658,
									last_update: 1551696861,
									is_being_updated: false,
									text: 'Those brake pads',
									owner: { id: '527779220', username: 'steffenology' },
								},
							},
						],
					},
				}),
			);

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'media',
				operation: 'get',
				mediaId: '1770093817144369706',
				options: {
					graphRequest:
						'id,shortcode,created_time,owner{id,username},\ncomments.first(1){edges{node{id,text,owner{id,username}}}}',
				},
			},
			credentials: graphCredentials(),
		});

		expect(result.json()).toEqual([
			{
				id: '1770093817144369706',
				shortcode: 'BiQovLGAWIq',
				created_time: '2018-05-02T03:27:28',
				'owner.id': '3008836221',
				'owner.username': 'teslamotorsports',
				comments: JSON.stringify([
					{
						id: '17927679481127546',
						timestamp: 1525641658,
						last_update: 1551696861,
						is_being_updated: false,
						text: 'Those brake pads',
						owner: { id: '527779220', username: 'steffenology' },
					},
				]),
			},
		]);
	});

	it('refuses a graph request that does not parse, before any request', async () => {
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'media', operation: 'get', mediaId: '1', options: { graphRequest: 'id,owner{id,username' } },
			credentials: graphCredentials(),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Invalid "Graph Request": Missing "}" at character 21 (at the end)');
	});
});

describe('Data365 Graph API: User → Get and Tag → Get', () => {
	it('gets a profile for "@spacex", with missing fields as null and string numbers as numbers', async () => {
		api()
			.get('/instagram/user/spacex')
			.query({ fields: USER_FIELDS, access_token: TOKEN })
			.reply(
				200,
				ok({
					id: '13460080',
					username: 'spacex',
					full_name: 'SpaceX',
					follower_count: '15000000',
					follow_count: 90,
					media_count: 1200,
					is_private: 'false',
					is_verified: true,
					last_update: 1559150950,
					is_being_updated: false,
				}),
			);

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: '@spacex' },
			credentials: graphCredentials(),
		});

		expect(result.items()).toEqual([
			{
				json: {
					id: '13460080',
					username: 'spacex',
					full_name: 'SpaceX',
					biography: null,
					external_url: null,
					profile_pic_url: null,
					is_private: false,
					is_verified: true,
					follower_count: 15000000,
					follow_count: 90,
					media_count: 1200,
					last_update: 1559150950,
					is_being_updated: false,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('gets a hashtag given with #, as in the seed sample', async () => {
		const data = {
			id: 'juice',
			media_count: 7979876,
			profile_pic_url: 'https://scontent.example.com/juice.jpg',
			last_update: 1559150950,
			is_being_updated: false,
		};
		api().get('/instagram/tag/juice').query({ fields: TAG_FIELDS, access_token: TOKEN }).reply(200, ok(data));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: '#juice' },
			credentials: graphCredentials(),
		});

		expect(result.items()).toEqual([{ json: data, pairedItem: { item: 0 } }]);
	});

	it('runs once per input item, each row paired with its item', async () => {
		api().get('/instagram/tag/juice').query(true).reply(200, ok({ id: 'juice', media_count: 1 }));
		api().get('/instagram/tag/coffee').query(true).reply(200, ok({ id: 'coffee', media_count: 2 }));

		const result = await runNode(
			registry,
			{
				type: 'data365',
				parameters: { resource: 'tag', operation: 'get', tagName: '={{ $json.tag }}', options: { fields: ['id', 'media_count'] } },
				credentials: graphCredentials(),
			},
			[{ tag: 'juice' }, { tag: '#coffee' }],
		);

		expect(result.items()).toEqual([
			{ json: { id: 'juice', media_count: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 'coffee', media_count: 2 }, pairedItem: { item: 1 } },
		]);
	});
});

describe('Data365 Graph API: paging with Relay cursors', () => {
	it('User → Get Media: first(N) then first(rest).after("cursor"), exact limit, date filters as GET params', async () => {
		const scope = api()
			.get('/instagram/user/spacex')
			.query({
				fields: PAGE('media', '.first(3)', MEDIA_FIELDS),
				from_date: '2019-06-01',
				to_date: '2019-06-30',
				access_token: TOKEN,
			})
			.reply(
				200,
				ok({
					id: '13460080',
					media: {
						page_info: { has_next_page: true, end_cursor: 'YXJyYXljb25uZWN0aW9uOjI=' },
						edges: [{ node: post('1') }, { node: post('2') }, { node: post('3') }],
					},
				}),
			)
			.get('/instagram/user/spacex')
			.query({
				fields: PAGE('media', '.first(2).after("YXJyYXljb25uZWN0aW9uOjI=")', MEDIA_FIELDS),
				from_date: '2019-06-01',
				to_date: '2019-06-30',
				access_token: TOKEN,
			})
			.reply(
				200,
				ok({
					id: '13460080',
					media: {
						page_info: { has_next_page: true, end_cursor: 'YXJyYXljb25uZWN0aW9uOjQ=' },
						edges: [{ node: post('4') }, { node: post('5') }],
					},
				}),
			);

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'user',
				operation: 'getMedia',
				username: 'spacex',
				limit: 5,
				fromDate: '2019-06-01',
				toDate: '2019-06-30',
				options: { pageSize: 3 },
			},
			credentials: graphCredentials(),
		});

		expect(result.status).toBe('success');
		expect(result.items()).toEqual(['1', '2', '3', '4', '5'].map((id) => ({ json: postRow(id), pairedItem: { item: 0 } })));
		expect(scope.isDone()).toBe(true);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('Tag → Get Media with Return All walks end_cursor until has_next_page is false (the seed sample)', async () => {
		const node = (id: string, timestamp: number) => ({ node: { id, timestamp, last_update: 1560427709, is_being_updated: false } });
		api()
			.get('/instagram/tag/photography')
			.query({ fields: PAGE('media', '.first(3)', 'id'), access_token: TOKEN })
			.reply(
				200,
				ok({
					id: 'photography',
					media: {
						page_info: { has_next_page: true, start_cursor: 'YXJyYXljb25uZWN0aW9uOjA=', end_cursor: 'YXJyYXljb25uZWN0aW9uOjI=' },
						edges: [node('2065332295327345047', 1560426817), node('2065330707747587078', 1560426628), node('2065325341622271037', 1560425988)],
					},
				}),
			)
			.get('/instagram/tag/photography')
			.query({ fields: PAGE('media', '.first(3).after("YXJyYXljb25uZWN0aW9uOjI=")', 'id'), access_token: TOKEN })
			.reply(
				200,
				ok({
					id: 'photography',
					media: {
						page_info: { has_next_page: false, start_cursor: 'YXJyYXljb25uZWN0aW9uOjM=', end_cursor: 'YXJyYXljb25uZWN0aW9uOjQ=' },
						edges: [node('2065325342754604765', 1560425988), node('2065325341632498158', 1560425988)],
					},
				}),
			);

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'tag',
				operation: 'getMedia',
				tagName: 'photography',
				returnAll: true,
				options: { fields: ['id'], pageSize: 3 },
			},
			credentials: graphCredentials(),
		});

		expect(result.json()).toEqual([
			{ id: '2065332295327345047', timestamp: 1560426817, last_update: 1560427709, is_being_updated: false },
			{ id: '2065330707747587078', timestamp: 1560426628, last_update: 1560427709, is_being_updated: false },
			{ id: '2065325341622271037', timestamp: 1560425988, last_update: 1560427709, is_being_updated: false },
			{ id: '2065325342754604765', timestamp: 1560425988, last_update: 1560427709, is_being_updated: false },
			{ id: '2065325341632498158', timestamp: 1560425988, last_update: 1560427709, is_being_updated: false },
		]);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('Tag → Get Media with Simplify off emits each node unchanged', async () => {
		const raw = { id: '1', caption: ['a'], owner: { id: '9', username: 'x' } };
		api()
			.get('/instagram/tag/juice')
			.query({ fields: PAGE('media', '.first(1)', MEDIA_FIELDS), access_token: TOKEN })
			.reply(200, ok({ id: 'juice', media: { page_info: { has_next_page: true, end_cursor: 'c1' }, edges: [{ node: raw }] } }));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'getMedia', tagName: 'juice', limit: 1, simplify: false },
			credentials: graphCredentials(),
		});

		expect(result.items()).toEqual([{ json: raw, pairedItem: { item: 0 } }]);
	});

	it('Comment → Get Many reads the comments connection of a media', async () => {
		const comment = (id: string) => ({
			id,
			parent_id: '1770093817144369706',
			created_time: '2018-05-06T21:20:58',
			text: `comment ${id}`,
			owner: { id: '527779220', username: 'steffenology' },
			last_update: 1551696861,
			is_being_updated: false,
		});
		api()
			.get('/instagram/media/1770093817144369706')
			.query({ fields: PAGE('comments', '.first(50)', COMMENT_FIELDS), access_token: TOKEN })
			.reply(
				200,
				ok({
					id: '1770093817144369706',
					comments: { page_info: { has_next_page: false, end_cursor: 'x' }, edges: [{ node: comment('c1') }, { node: comment('c2') }] },
				}),
			);

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'comment', operation: 'getAll', mediaId: '1770093817144369706' },
			credentials: graphCredentials(),
		});

		expect(result.json()).toEqual(
			['c1', 'c2'].map((id) => ({
				id,
				parent_id: '1770093817144369706',
				created_time: '2018-05-06T21:20:58',
				text: `comment ${id}`,
				'owner.id': '527779220',
				'owner.username': 'steffenology',
				last_update: 1551696861,
				is_being_updated: false,
			})),
		);
	});

	it('stops with an error when the API repeats a cursor', async () => {
		const page = ok({ id: 'juice', media: { page_info: { has_next_page: true, end_cursor: 'same' }, edges: [{ node: { id: '1' } }] } });
		api().get('/instagram/tag/juice').query(true).times(3).reply(200, page);

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'getMedia', tagName: 'juice', returnAll: true, options: { fields: ['id'] } },
			credentials: graphCredentials(),
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'The API returned the same next-page value twice while listing posts; stopped to avoid an endless loop',
		);
	});
});

describe('Data365 Graph API: "being loaded" polling', () => {
	it('is ready at once: one request, no wait', async () => {
		api().get('/instagram/tag/juice').query(true).reply(200, ok({ id: 'juice' }));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice', options: { fields: ['id'] } },
			credentials: graphCredentials(),
		});
		expect(result.json()).toEqual([{ id: 'juice' }]);
		expect(time.waits).toEqual([]);
	});

	it('asks again every poll interval (default 5 s) while the API answers 202 RequestAccepted', async () => {
		const scope = api()
			.get('/instagram/user/newcomer')
			.query({ fields: 'id,username', access_token: TOKEN })
			.times(2)
			.reply(202, accepted('newcomer'))
			.get('/instagram/user/newcomer')
			.query({ fields: 'id,username', access_token: TOKEN })
			.reply(200, ok({ id: '77', username: 'newcomer' }));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'newcomer', options: { fields: ['id', 'username'] } },
			credentials: graphCredentials(),
		});

		expect(result.json()).toEqual([{ id: '77', username: 'newcomer' }]);
		expect(time.waits).toEqual([5000, 5000]);
		expect(scope.isDone()).toBe(true);
	});

	it('polls a page of a list too, with the interval option', async () => {
		api()
			.get('/instagram/tag/fresh')
			.query(true)
			.reply(202, accepted('fresh'))
			.get('/instagram/tag/fresh')
			.query(true)
			.reply(200, ok({ id: 'fresh', media: { page_info: { has_next_page: false }, edges: [{ node: { id: 'm1' } }] } }));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'tag',
				operation: 'getMedia',
				tagName: 'fresh',
				limit: 10,
				options: { fields: ['id'], pollIntervalSeconds: 2 },
			},
			credentials: graphCredentials(),
		});

		expect(result.json()).toEqual([{ id: 'm1' }]);
		expect(time.waits).toEqual([2000]);
	});

	it('gives up after the maximum wait with an error saying the data is still loading', async () => {
		const scope = api().get('/instagram/tag/never').query(true).times(4).reply(202, accepted('never'));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'tag',
				operation: 'get',
				tagName: 'never',
				options: { pollIntervalSeconds: 1, maxLoadingWaitSeconds: 3 },
			},
			credentials: graphCredentials(),
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Data365 is still loading the hashtag "#never" after 4 requests over 3 s: Some nodes you requested are being loaded now: never. Try again later',
		);
		expect(result.error?.description).toContain('raise the "Max Wait for Data (Seconds)" option');
		expect(time.waits).toEqual([1000, 1000, 1000]);
		expect(scope.isDone()).toBe(true);
	});

	it('a tiny maximum wait fails on the first 202 without waiting', async () => {
		api().get('/instagram/tag/never').query(true).reply(202, accepted('never'));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'never', options: { maxLoadingWaitSeconds: 0 } },
			credentials: graphCredentials(),
		});
		expect(result.error?.message).toMatch(/^Data365 is still loading the hashtag "#never" after 1 requests over 0 s/);
		expect(time.waits).toEqual([]);
	});
});

describe('Data365 Graph API: Wait for Fresh Data', () => {
	const stale = ok({ id: 'juice', media_count: 10, last_update: 1559000000, is_being_updated: true });
	const fresh = ok({ id: 'juice', media_count: 12, last_update: 1559150950, is_being_updated: false });

	it('off (default): takes the cached answer and shows it is being updated', async () => {
		api().get('/instagram/tag/juice').query({ fields: TAG_FIELDS, access_token: TOKEN }).reply(200, stale);
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice' },
			credentials: graphCredentials(),
		});
		expect(result.json()).toEqual([
			{ id: 'juice', media_count: 10, profile_pic_url: null, last_update: 1559000000, is_being_updated: true },
		]);
		expect(time.waits).toEqual([]);
	});

	it('on: asks again until is_being_updated is false, adding the field when the user did not pick it', async () => {
		const scope = api()
			.get('/instagram/tag/juice')
			.query({ fields: 'id,media_count,is_being_updated', access_token: TOKEN })
			.times(2)
			.reply(200, stale)
			.get('/instagram/tag/juice')
			.query({ fields: 'id,media_count,is_being_updated', access_token: TOKEN })
			.reply(200, fresh);

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'tag',
				operation: 'get',
				tagName: 'juice',
				options: { fields: ['id', 'media_count'], waitForFreshData: true },
			},
			credentials: graphCredentials(),
		});

		expect(result.json()).toEqual([{ id: 'juice', media_count: 12, is_being_updated: false, last_update: 1559150950 }]);
		expect(time.waits).toEqual([5000, 5000]);
		expect(scope.isDone()).toBe(true);
	});

	it('on, for a list: watches the root node\'s is_being_updated', async () => {
		api()
			.get('/instagram/user/spacex')
			.query({ fields: 'id,is_being_updated,media.first(2){page_info{has_next_page,end_cursor},edges{node{id}}}', access_token: TOKEN })
			.reply(200, ok({ id: '1', is_being_updated: true, media: { page_info: { has_next_page: false }, edges: [{ node: { id: 'old' } }] } }))
			.get('/instagram/user/spacex')
			.query(true)
			.reply(200, ok({ id: '1', is_being_updated: false, media: { page_info: { has_next_page: false }, edges: [{ node: { id: 'new' } }] } }));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'user',
				operation: 'getMedia',
				username: 'spacex',
				limit: 2,
				options: { fields: ['id'], waitForFreshData: true },
			},
			credentials: graphCredentials(),
		});

		expect(result.json()).toEqual([{ id: 'new' }]);
		expect(time.waits).toEqual([5000]);
	});

	it('on: fails after the maximum wait when the update never ends', async () => {
		api().get('/instagram/tag/juice').query(true).times(3).reply(200, stale);
		const result = await runNode(registry, {
			type: 'data365',
			parameters: {
				resource: 'tag',
				operation: 'get',
				tagName: 'juice',
				options: { waitForFreshData: true, pollIntervalSeconds: 10, maxLoadingWaitSeconds: 25 },
			},
			credentials: graphCredentials(),
		});
		expect(result.error?.message).toBe(
			'Data365 is still updating the hashtag "#juice" after 3 requests over 20 s (is_being_updated is still true)',
		);
		expect(result.error?.description).toContain('Turn off "Wait for Fresh Data"');
		expect(time.waits).toEqual([10000, 10000]);
	});
});
