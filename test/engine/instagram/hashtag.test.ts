import nock from 'nock';

import { ACCOUNT_ID, FB_HOST, TOKEN, accountById, expectNoPendingMocks, graph, igCredentials, metaError, recordWaits, run, useNock } from './setup';

useNock();
const sleeps = recordWaits();

const HASHTAG_ID = '17843853986012965';
const MEDIA_FIELDS = 'id,timestamp,media_type,permalink,caption,like_count,comments_count';

const post = (id: string, likes: number) => ({
	id,
	timestamp: '2026-11-21T10:00:00+0000',
	media_type: 'IMAGE',
	permalink: `https://www.instagram.com/p/${id}/`,
	caption: 'latte art #coffee',
	like_count: likes,
	comments_count: 3,
});

const LIMIT_ERROR = metaError(24, '(#24) The user has reached the limit of 30 unique hashtags searched in the past 7 days', {
	error_subcode: 2207024,
});

describe('Hashtag > Search', () => {
	it("finds a hashtag's ID, without the # the user typed", async () => {
		graph()
			.get('/v24.0/ig_hashtag_search')
			.query({ user_id: ACCOUNT_ID, q: 'coffee' })
			.reply(200, { data: [{ id: HASHTAG_ID }] });

		const result = await run({ resource: 'hashtag', operation: 'search', accountId: accountById(), hashtagName: ' #coffee ' });

		expect(result.items()).toEqual([{ json: { hashtag: 'coffee', id: HASHTAG_ID }, pairedItem: { item: 0 } }]);
	});

	it('searches one hashtag per input item, each answer paired with its item', async () => {
		graph()
			.get('/v24.0/ig_hashtag_search')
			.query({ user_id: ACCOUNT_ID, q: 'coffee' })
			.reply(200, { data: [{ id: HASHTAG_ID }] })
			.get('/v24.0/ig_hashtag_search')
			.query({ user_id: ACCOUNT_ID, q: 'zzznothing' })
			.reply(200, { data: [] });

		const result = await run(
			{ resource: 'hashtag', operation: 'search', accountId: accountById(), hashtagName: '={{ $json.tag }}' },
			{ input: [{ tag: 'coffee' }, { tag: 'zzznothing' }], continueOnFail: true },
		);

		expect(result.items()).toEqual([
			{ json: { hashtag: 'coffee', id: HASHTAG_ID }, pairedItem: { item: 0 } },
			{
				json: {
					error: 'Meta found no hashtag named "#zzznothing"',
					description: 'Check the spelling (letters, digits and underscores). Emoji hashtags and some sensitive hashtags cannot be searched.',
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('stops at once on the 30 unique hashtags per 7 days limit, saying so, without retrying', async () => {
		graph().get('/v24.0/ig_hashtag_search').query(true).once().reply(400, LIMIT_ERROR);

		const result = await run({ resource: 'hashtag', operation: 'search', accountId: accountById(), hashtagName: 'tea' });

		expect(result.error?.message).toBe(
			'(#24) The user has reached the limit of 30 unique hashtags searched in the past 7 days (An Instagram account may query 30 unique hashtags per 7 days)',
		);
		expect(result.error?.description).toContain('An Instagram account may query 30 unique hashtags per 7 days (a rolling window');
		expect(result.error?.description).toContain('Instagram Graph API error code: 24 (subcode 2207024).');
		expect(sleeps.waits).toEqual([]);
		expectNoPendingMocks();
	});

	it('reads the limit from the message when Meta sends another code, and does not retry even a "transient" one', async () => {
		graph()
			.get('/v24.0/ig_hashtag_search')
			.query(true)
			.once()
			.reply(400, metaError(4, 'You have reached the maximum number of hashtags you can search', { is_transient: true }));

		const result = await run({ resource: 'hashtag', operation: 'search', accountId: accountById(), hashtagName: 'tea' });

		expect(result.error?.message).toContain('(An Instagram account may query 30 unique hashtags per 7 days)');
		expect(sleeps.waits).toEqual([]);
	});

	it('is refused before any request with Instagram Login, and with a hashtag that is not one', async () => {
		const ig = await run({ resource: 'hashtag', operation: 'search', hashtagName: 'coffee' }, { credentials: igCredentials() });
		const spaced = await run({ resource: 'hashtag', operation: 'search', accountId: accountById(), hashtagName: 'iced coffee' });
		const empty = await run({ resource: 'hashtag', operation: 'search', accountId: accountById(), hashtagName: '#' });

		expect(ig.error?.message).toBe(
			'Hashtag search needs Facebook Login: Meta serves it on graph.facebook.com only, not to Instagram Login tokens',
		);
		expect(spaced.error?.message).toBe('Invalid "Hashtag Name": "iced coffee" is not one hashtag');
		expect(empty.error?.message).toBe('Invalid "Hashtag Name": a value is required');
	});
});

describe('Hashtag > Get Top Media / Get Recent Media', () => {
	it('searches the name, then pages the top media with an exact limit', async () => {
		graph()
			.get('/v24.0/ig_hashtag_search')
			.query({ user_id: ACCOUNT_ID, q: 'coffee' })
			.reply(200, { data: [{ id: HASHTAG_ID }] })
			.get(`/v24.0/${HASHTAG_ID}/top_media`)
			.query({ user_id: ACCOUNT_ID, fields: MEDIA_FIELDS, limit: '3' })
			.reply(200, {
				data: [post('m1', 900), post('m2', 800)],
				paging: { next: `${FB_HOST}/v24.0/${HASHTAG_ID}/top_media?user_id=${ACCOUNT_ID}&fields=${MEDIA_FIELDS}&limit=3&after=P2&access_token=${TOKEN}` },
			})
			.get(`/v24.0/${HASHTAG_ID}/top_media`)
			.query({ user_id: ACCOUNT_ID, fields: MEDIA_FIELDS, limit: '1', after: 'P2', access_token: TOKEN })
			.reply(200, { data: [post('m3', 700)], paging: { next: `${FB_HOST}/v24.0/${HASHTAG_ID}/top_media?after=P3` } });

		const result = await run({
			resource: 'hashtag',
			operation: 'getTopMedia',
			accountId: accountById(),
			hashtagName: { __rl: true, mode: 'name', value: '#coffee' },
			limit: 3,
		});

		expect(result.json()).toEqual([
			{ hashtag: 'coffee', hashtag_id: HASHTAG_ID, ...post('m1', 900) },
			{ hashtag: 'coffee', hashtag_id: HASHTAG_ID, ...post('m2', 800) },
			{ hashtag: 'coffee', hashtag_id: HASHTAG_ID, ...post('m3', 700) },
		]);
		expectNoPendingMocks();
		expect(JSON.stringify(result.run)).not.toContain(TOKEN);
	});

	it('lists the recent media of a hashtag ID without a search, all of them with Return All', async () => {
		graph()
			.get(`/v24.0/${HASHTAG_ID}/recent_media`)
			.query({ user_id: ACCOUNT_ID, fields: 'id,caption', limit: '50' })
			.reply(200, { data: [{ id: 'r1', caption: 'x' }, { id: 'r2' }] });

		const result = await run({
			resource: 'hashtag',
			operation: 'getRecentMedia',
			accountId: accountById(),
			hashtagName: { __rl: true, mode: 'id', value: HASHTAG_ID },
			returnAll: true,
			options: { fields: ['id', 'caption'] },
		});

		expect(result.json()).toEqual([
			{ hashtag: null, hashtag_id: HASHTAG_ID, id: 'r1', caption: 'x' },
			{ hashtag: null, hashtag_id: HASHTAG_ID, id: 'r2', caption: null },
		]);
	});

	it("returns Meta's media unchanged with Simplify off", async () => {
		graph()
			.get(`/v24.0/${HASHTAG_ID}/recent_media`)
			.query(true)
			.reply(200, { data: [{ id: 'r1', like_count: '12' }] });

		const result = await run({
			resource: 'hashtag',
			operation: 'getRecentMedia',
			accountId: accountById(),
			hashtagName: { __rl: true, mode: 'id', value: HASHTAG_ID },
			simplify: false,
		});

		expect(result.json()).toEqual([{ id: 'r1', like_count: '12' }]);
	});

	it('refuses an ID that is not a number, and Instagram Login, before any request', async () => {
		const notId = await run({
			resource: 'hashtag',
			operation: 'getTopMedia',
			accountId: accountById(),
			hashtagName: { __rl: true, mode: 'id', value: 'coffee' },
		});
		const ig = await run(
			{ resource: 'hashtag', operation: 'getRecentMedia', hashtagName: { __rl: true, mode: 'id', value: HASHTAG_ID } },
			{ credentials: igCredentials() },
		);

		expect(notId.error?.message).toBe('Invalid "Hashtag": "coffee" is not a hashtag ID');
		expect(ig.error?.message).toBe('Hashtag media needs Facebook Login: Meta serves it on graph.facebook.com only, not to Instagram Login tokens');
		expect(nock.pendingMocks()).toEqual([]);
	});
});
