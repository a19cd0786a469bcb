import { ACCOUNT_ID, FB_HOST, TOKEN, accountById, expectNoPendingMocks, graph, igCredentials, metaError, run, useNock } from './setup';

useNock();

const PROFILE = 'id,username,name,biography,website,followers_count,media_count,profile_picture_url';
const MEDIA = 'id,timestamp,media_type,media_product_type,permalink,caption,like_count,comments_count';
const TARGET_ID = '17841401441775531';

const profile = {
	id: TARGET_ID,
	username: 'bluebottle',
	name: 'Blue Bottle Coffee',
	biography: 'Coffee roasters',
	followers_count: 267793,
	media_count: 1205,
	profile_picture_url: 'https://scontent.example.com/bb.jpg',
};

const media = (id: string, likes: number) => ({
	id,
	timestamp: '2026-11-20T16:00:00+0000',
	media_type: 'IMAGE',
	media_product_type: 'FEED',
	permalink: `https://www.instagram.com/p/${id}/`,
	caption: 'pour over',
	like_count: likes,
	comments_count: 12,
});

const profileRow = {
	row_type: 'profile',
	id: TARGET_ID,
	username: 'bluebottle',
	name: 'Blue Bottle Coffee',
	biography: 'Coffee roasters',
	website: null,
	followers_count: 267793,
	media_count: 1205,
	profile_picture_url: 'https://scontent.example.com/bb.jpg',
};

describe('Business Discovery > Get', () => {
	it("gets another account's public profile through your account", async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query({ fields: `business_discovery.username(bluebottle){${PROFILE}}` })
			.reply(200, { business_discovery: profile, id: ACCOUNT_ID });

		const result = await run({ resource: 'businessDiscovery', operation: 'get', accountId: accountById(), username: '@bluebottle' });

		expect(result.items()).toEqual([{ json: profileRow, pairedItem: { item: 0 } }]);
	});

	it('adds one row per recent media, paging through the nested media cursor with an exact limit', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query({ fields: `business_discovery.username(bluebottle){${PROFILE},media.limit(3){${MEDIA}}}` })
			.reply(200, {
				business_discovery: {
					...profile,
					media: {
						data: [media('m1', 10), media('m2', 20)],
						paging: {
							cursors: { before: 'QVFIUb', after: 'QVFIUa' },
							next: `${FB_HOST}/v24.0/${ACCOUNT_ID}?fields=business_discovery.username(bluebottle)%7Bmedia.after(QVFIUa).limit(3)%7D&access_token=${TOKEN}`,
						},
					},
				},
				id: ACCOUNT_ID,
			})
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query({ fields: `business_discovery.username(bluebottle){media.after(QVFIUa).limit(1){${MEDIA}}}` })
			.reply(200, {
				business_discovery: {
					id: TARGET_ID,
					media: { data: [media('m3', 30)], paging: { cursors: { before: 'QVFIUa', after: 'QVFIUc' }, next: `${FB_HOST}/next` } },
				},
				id: ACCOUNT_ID,
			});

		const result = await run({
			resource: 'businessDiscovery',
			operation: 'get',
			accountId: accountById(),
			username: 'bluebottle',
			includeMedia: true,
			limit: 3,
		});

		const mediaColumns = { timestamp: null, media_type: null, media_product_type: null, permalink: null, caption: null, like_count: null, comments_count: null };
		const profileColumns = { name: null, biography: null, website: null, followers_count: null, media_count: null, profile_picture_url: null };
		expect(result.json()).toEqual([
			{ ...profileRow, ...mediaColumns },
			{ row_type: 'media', ...profileColumns, username: 'bluebottle', ...media('m1', 10) },
			{ row_type: 'media', ...profileColumns, username: 'bluebottle', ...media('m2', 20) },
			{ row_type: 'media', ...profileColumns, username: 'bluebottle', ...media('m3', 30) },
		]);
		expect(Object.keys(result.json()[1])).toEqual(Object.keys(result.json()[0]));
		expectNoPendingMocks();
		expect(JSON.stringify(result.run)).not.toContain(TOKEN);
	});

	it('stops paging when Meta gives no next page, taking the cursor from the next URL when cursors are missing', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query({ fields: `business_discovery.username(tiny_bakery){${PROFILE},media.limit(50){${MEDIA}}}` })
			.reply(200, {
				business_discovery: {
					id: '1',
					username: 'tiny_bakery',
					media: {
						data: [media('t1', 1)],
						paging: { next: `${FB_HOST}/v24.0/${ACCOUNT_ID}?fields=business_discovery.username(tiny_bakery)%7Bmedia.after(CUR2).limit(50)%7D` },
					},
				},
			})
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query({ fields: `business_discovery.username(tiny_bakery){media.after(CUR2).limit(50){${MEDIA}}}` })
			.reply(200, { business_discovery: { id: '1', media: { data: [media('t2', 2)], paging: { cursors: { after: 'CUR3' } } } } });

		const result = await run({
			resource: 'businessDiscovery',
			operation: 'get',
			accountId: accountById(),
			username: 'tiny_bakery',
			includeMedia: true,
			returnAll: true,
		});

		expect(result.json().map((row) => [row.row_type, row.id])).toEqual([
			['profile', '1'],
			['media', 't1'],
			['media', 't2'],
		]);
		expectNoPendingMocks();
	});

	it("returns Meta's answers, tokens redacted, with Simplify off", async () => {
		const body = {
			business_discovery: {
				...profile,
				media: { data: [media('m1', 1)], paging: { cursors: { after: 'A' }, next: `${FB_HOST}/x?access_token=${TOKEN}` } },
			},
			id: ACCOUNT_ID,
		};
		graph().get(`/v24.0/${ACCOUNT_ID}`).query(true).reply(200, body);

		const result = await run({
			resource: 'businessDiscovery',
			operation: 'get',
			accountId: accountById(),
			username: 'bluebottle',
			includeMedia: true,
			limit: 1,
			simplify: false,
		});

		expect(result.json()).toEqual([
			{
				...body,
				business_discovery: {
					...body.business_discovery,
					media: { ...body.business_discovery.media, paging: { cursors: { after: 'A' }, next: `${FB_HOST}/x?access_token=[redacted]` } },
				},
			},
		]);
	});

	it('explains an account business discovery cannot see', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(400, metaError(110, 'Invalid user id', { error_subcode: 2207013 }));

		const result = await run({ resource: 'businessDiscovery', operation: 'get', accountId: accountById(), username: 'just_a_person' });

		expect(result.error?.message).toBe('Invalid user id');
		expect(result.error?.description).toContain('Business discovery finds only public Instagram business and creator accounts');
	});

	it('is refused before any request with Instagram Login and with a username that is not one', async () => {
		const ig = await run({ resource: 'businessDiscovery', operation: 'get', username: 'bluebottle' }, { credentials: igCredentials() });
		const bad = await run({ resource: 'businessDiscovery', operation: 'get', accountId: accountById(), username: 'blue bottle){id}' });

		expect(ig.error?.message).toBe(
			'Business discovery needs Facebook Login: Meta serves it on graph.facebook.com only, not to Instagram Login tokens',
		);
		expect(bad.error?.message).toBe('Invalid "Username": "blue bottle){id}" is not an Instagram username');
	});
});
