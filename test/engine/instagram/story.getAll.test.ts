import { batchOf, batchReply, insightsBody, readBatch } from './batch';
import { ACCOUNT_ID, IG_HOST, IG_TOKEN, TOKEN, accountById, expectNoPendingMocks, graph, igCredentials, metaError, run, useNock } from './setup';

useNock();

const STORY_FIELDS = 'id,timestamp,media_type,media_product_type,permalink,media_url,thumbnail_url';
const STORY_METRICS = 'views,reach,shares,total_interactions,follows,profile_visits,profile_activity,replies';

const STORY_1 = {
	id: '17940000000000001',
	timestamp: '2026-11-21T08:00:00+0000',
	media_type: 'IMAGE',
	media_product_type: 'STORY',
	permalink: 'https://instagram.com/stories/coffee/17940000000000001/',
	media_url: 'https://scontent.example.com/s1.jpg',
};
const STORY_2 = {
	id: '17940000000000002',
	timestamp: '2026-11-21T09:30:00+0000',
	media_type: 'VIDEO',
	media_product_type: 'STORY',
	permalink: 'https://instagram.com/stories/coffee/17940000000000002/',
	media_url: 'https://scontent.example.com/s2.mp4',
	thumbnail_url: 'https://scontent.example.com/s2.jpg',
};

function navigationBody(results: Array<[string, number]>, total?: number) {
	return {
		data: [
			{
				name: 'navigation',
				period: 'lifetime',
				title: 'Navigation',
				total_value: {
					...(total === undefined ? {} : { value: total }),
					breakdowns: [
						{
							dimension_keys: ['story_navigation_action_type'],
							results: results.map(([action, value]) => ({ dimension_values: [action], value })),
						},
					],
				},
				id: 'x/insights/navigation/lifetime',
			},
		],
	};
}

const NULL_METRICS = {
	views: null,
	reach: null,
	shares: null,
	total_interactions: null,
	follows: null,
	profile_visits: null,
	profile_activity: null,
	replies: null,
	navigation: null,
	navigation_tap_forward: null,
	navigation_tap_back: null,
	navigation_tap_exit: null,
	navigation_swipe_forward: null,
};

describe('Story > Get Many', () => {
	it("lists the account's live stories with their expiry", async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/stories`)
			.query({ fields: STORY_FIELDS, limit: '50' })
			.reply(200, { data: [STORY_1, STORY_2], paging: { cursors: { before: 'A', after: 'B' } } });

		const result = await run({ resource: 'story', operation: 'getAll', accountId: accountById() });

		expect(result.items()).toEqual([
			{ json: { ...STORY_1, thumbnail_url: null, expires_at: '2026-11-22T08:00:00.000Z' }, pairedItem: { item: 0 } },
			{ json: { ...STORY_2, expires_at: '2026-11-22T09:30:00.000Z' }, pairedItem: { item: 0 } },
		]);
	});

	it('adds the story metrics, navigation split by action, in one batch for both stories (Facebook Login)', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/stories`)
			.query({ fields: STORY_FIELDS, limit: '50' })
			.reply(200, { data: [STORY_1, STORY_2] })
			.post(
				'/',
				batchOf([
					`v24.0/${STORY_1.id}/insights?metric=${STORY_METRICS}`,
					`v24.0/${STORY_1.id}/insights?metric=navigation&breakdown=story_navigation_action_type`,
					`v24.0/${STORY_2.id}/insights?metric=${STORY_METRICS}`,
					`v24.0/${STORY_2.id}/insights?metric=navigation&breakdown=story_navigation_action_type`,
				]),
			)
			.reply(200, [
				batchReply(
					200,
					insightsBody({ views: 310, reach: 250, shares: 2, total_interactions: 9, follows: 1, profile_visits: 4, profile_activity: 3, replies: '5' }),
				),
				// A value Meta adds one day gets a column of its own.
				batchReply(200, navigationBody([['TAP_FORWARD', 120], ['TAP_BACK', 14], ['TAP_EXIT', 30], ['SWIPE_FORWARD', 6], ['SWIPE_DOWN', 1]], 171)),
				batchReply(400, metaError(10, '(#10) Not enough viewers for the media to show insights')),
				batchReply(400, metaError(10, '(#10) Not enough viewers for the media to show insights')),
			]);

		const result = await run({ resource: 'story', operation: 'getAll', accountId: accountById(), includeInsights: true });

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([
			{
				json: {
					...STORY_1,
					thumbnail_url: null,
					expires_at: '2026-11-22T08:00:00.000Z',
					views: 310,
					reach: 250,
					shares: 2,
					total_interactions: 9,
					follows: 1,
					profile_visits: 4,
					profile_activity: 3,
					replies: 5,
					navigation: 171,
					navigation_tap_forward: 120,
					navigation_tap_back: 14,
					navigation_tap_exit: 30,
					navigation_swipe_forward: 6,
					navigation_swipe_down: 1,
				},
				pairedItem: { item: 0 },
			},
			// Under Meta's viewer threshold: every metric null, never 0.
			{ json: { ...STORY_2, expires_at: '2026-11-22T09:30:00.000Z', ...NULL_METRICS, navigation_swipe_down: null }, pairedItem: { item: 0 } },
		]);
		expectNoPendingMocks();
	});

	it('asks each story with parallel GETs with Instagram Login, and sums the actions when Meta gives no total', async () => {
		graph(IG_HOST, IG_TOKEN)
			.get('/v24.0/me/stories')
			.query({ fields: STORY_FIELDS, limit: '1' })
			.reply(200, { data: [STORY_1], paging: { next: `${IG_HOST}/v24.0/me/stories?after=X` } })
			.get(`/v24.0/${STORY_1.id}/insights`)
			.query({ metric: 'reach,replies' })
			.reply(200, insightsBody({ reach: 80, replies: 0 }))
			.get(`/v24.0/${STORY_1.id}/insights`)
			.query({ metric: 'navigation', breakdown: 'story_navigation_action_type' })
			.reply(200, navigationBody([['tap_forward', 10], ['TAP_BACK', 2]]));

		const result = await run(
			{ resource: 'story', operation: 'getAll', limit: 1, includeInsights: true, metrics: ['reach', 'navigation', 'replies'] },
			{ credentials: igCredentials() },
		);

		expect(result.json()).toEqual([
			{
				...STORY_1,
				thumbnail_url: null,
				expires_at: '2026-11-22T08:00:00.000Z',
				reach: 80,
				navigation: 12,
				navigation_tap_forward: 10,
				navigation_tap_back: 2,
				navigation_tap_exit: null,
				navigation_swipe_forward: null,
				replies: 0,
			},
		]);
		expectNoPendingMocks();
	});

	it('asks navigation again without the breakdown when Meta refuses the breakdown', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/stories`)
			.query(true)
			.reply(200, { data: [STORY_1] })
			.post('/', batchOf([`v24.0/${STORY_1.id}/insights?metric=navigation&breakdown=story_navigation_action_type`]))
			.reply(200, [batchReply(400, metaError(100, '(#100) Invalid parameter: breakdown'))])
			.post('/', batchOf([`v24.0/${STORY_1.id}/insights?metric=navigation`]))
			.reply(200, [batchReply(200, insightsBody({ navigation: 44 }))]);

		const result = await run({
			resource: 'story',
			operation: 'getAll',
			accountId: accountById(),
			includeInsights: true,
			metrics: ['navigation'],
		});

		expect(result.json()).toEqual([
			{
				...STORY_1,
				thumbnail_url: null,
				expires_at: '2026-11-22T08:00:00.000Z',
				navigation: 44,
				navigation_tap_forward: null,
				navigation_tap_back: null,
				navigation_tap_exit: null,
				navigation_swipe_forward: null,
			},
		]);
		expectNoPendingMocks();
	});

	it('returns the story JSON with both insights answers under "insights" with Simplify off', async () => {
		const main = insightsBody({ reach: 5 }) as { data: object[] };
		const navigation = navigationBody([['TAP_FORWARD', 3]], 3);
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/stories`)
			.query(true)
			.reply(200, { data: [STORY_1] })
			.post('/', (body) => readBatch(body).batch.length === 2)
			.reply(200, [batchReply(200, main), batchReply(200, navigation)]);

		const result = await run({
			resource: 'story',
			operation: 'getAll',
			accountId: accountById(),
			includeInsights: true,
			metrics: ['reach', 'navigation'],
			simplify: false,
		});

		expect(result.json()).toEqual([{ ...STORY_1, insights: { data: [...main.data, ...navigation.data] } }]);
	});

	it('refuses a removed story metric before any request, naming its replacement', async () => {
		const result = await run({
			resource: 'story',
			operation: 'getAll',
			accountId: accountById(),
			includeInsights: true,
			metrics: ['taps_forward'],
		});

		expect(result.error?.message).toBe(
			'Invalid "Metrics": Meta removed the metric "taps_forward" from API v18.0, and from every version on 2023-12-11: use "navigation" (navigation with the story_navigation_action_type breakdown) instead',
		);
	});

	it('needs an account with Facebook Login, and keeps the token out of a failure', async () => {
		graph().get(`/v24.0/${ACCOUNT_ID}/stories`).query(true).reply(400, metaError(190, 'Error validating access token', { error_subcode: 463 }));

		const missing = await run({ resource: 'story', operation: 'getAll' });
		const failed = await run({ resource: 'story', operation: 'getAll', accountId: accountById() });

		expect(missing.error?.message).toBe('Invalid "Account": a value is required');
		expect(failed.error?.message).toBe('Error validating access token');
		expect(JSON.stringify(failed.run)).not.toContain(TOKEN);
	});

	it('asks for chosen fields plus those it needs, and keeps them in the row', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/stories`)
			.query({ fields: 'permalink,id,media_type,media_product_type,timestamp', limit: '50' })
			.reply(200, { data: [{ ...STORY_1, media_url: undefined }] });

		const result = await run({ resource: 'story', operation: 'getAll', accountId: accountById(), options: { fields: ['permalink'] } });

		expect(result.json()).toEqual([
			{
				permalink: STORY_1.permalink,
				id: STORY_1.id,
				media_type: 'IMAGE',
				media_product_type: 'STORY',
				timestamp: STORY_1.timestamp,
				expires_at: '2026-11-22T08:00:00.000Z',
			},
		]);
	});
});

