import nock from 'nock';

import {
	ACCOUNT_ID,
	FB_HOST,
	IG_HOST,
	IG_TOKEN,
	TOKEN,
	accountById,
	expectNoPendingMocks,
	graph,
	igCredentials,
	metaError,
	recordWaits,
	run,
	useNock,
} from './setup';
import { batchOf, batchReply, insightsBody } from './batch';

useNock();
const sleeps = recordWaits();

const FIELDS = 'id,timestamp,media_type,media_product_type,permalink,caption,like_count,comments_count';
const FEED_METRICS = 'views,reach,likes,comments,shares,saved,total_interactions,follows,profile_visits,profile_activity';
const REELS_METRICS = 'views,reach,likes,comments,shares,saved,total_interactions,ig_reels_avg_watch_time,ig_reels_video_view_total_time';
const COLUMNS = [
	'views',
	'reach',
	'likes',
	'comments',
	'shares',
	'saved',
	'total_interactions',
	'follows',
	'profile_visits',
	'profile_activity',
	'replies',
	'navigation',
	'ig_reels_avg_watch_time',
	'ig_reels_video_view_total_time',
];

const IMAGE = {
	id: '1790001',
	timestamp: '2026-11-01T11:03:04+0000',
	media_type: 'IMAGE',
	media_product_type: 'FEED',
	permalink: 'https://www.instagram.com/p/AAA/',
	caption: 'coffee',
	like_count: 12,
	comments_count: 3,
};
const REEL = {
	id: '1790002',
	timestamp: '2026-10-31T11:03:04+0000',
	media_type: 'VIDEO',
	media_product_type: 'REELS',
	permalink: 'https://www.instagram.com/reel/BBB/',
	comments_count: 0,
};
const CAROUSEL = {
	id: '1790003',
	timestamp: '2026-10-30T11:03:04+0000',
	media_type: 'CAROUSEL_ALBUM',
	media_product_type: 'FEED',
	permalink: 'https://www.instagram.com/p/CCC/',
	caption: 'album',
	like_count: 40,
	comments_count: 1,
};

const getAll = (extra: Record<string, unknown> = {}) => ({
	resource: 'media',
	operation: 'getAll',
	accountId: accountById(),
	...extra,
});

const nulls = Object.fromEntries(COLUMNS.map((column) => [column, null]));

describe('Media > Get Many', () => {
	it('lists media with the row fields and an exact limit', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/media`)
			.query({ fields: FIELDS, limit: '2' })
			.reply(200, { data: [IMAGE, REEL], paging: { next: `${FB_HOST}/v24.0/${ACCOUNT_ID}/media?after=X&limit=2` } });

		const result = await run(getAll({ limit: 2 }));

		expect(result.items()).toEqual([
			{ json: IMAGE, pairedItem: { item: 0 } },
			{ json: { ...REEL, caption: null, like_count: null }, pairedItem: { item: 0 } },
		]);
		expectNoPendingMocks();
	});

	it('follows paging.next as Meta wrote it, shrinking its limit to what is still needed', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => ({ ...IMAGE, id: String(from + index) }));
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/media`)
			.query({ fields: FIELDS, limit: '100' })
			.reply(200, {
				data: page(1, 100),
				paging: {
					cursors: { after: 'QUZU' },
					next: `${FB_HOST}/v24.0/${ACCOUNT_ID}/media?access_token=${TOKEN}&fields=${FIELDS}&limit=100&after=QUZU`,
				},
			})
			.get(`/v24.0/${ACCOUNT_ID}/media`)
			.query({ access_token: TOKEN, fields: FIELDS, limit: '30', after: 'QUZU' })
			.reply(200, { data: page(101, 30), paging: { next: `${FB_HOST}/v24.0/${ACCOUNT_ID}/media?limit=30&after=QUZV` } });

		const result = await run(getAll({ limit: 130 }));

		expect(result.json().map((row) => row.id)).toEqual(page(1, 130).map((media) => media.id));
		expectNoPendingMocks();
	});

	it('returns everything with Return All, until paging.next is absent', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/media`)
			.query({ fields: FIELDS, limit: '100' })
			.reply(200, { data: [IMAGE], paging: { next: `${FB_HOST}/v24.0/${ACCOUNT_ID}/media?limit=100&after=A1` } })
			.get(`/v24.0/${ACCOUNT_ID}/media`)
			.query({ limit: '100', after: 'A1' })
			.reply(200, { data: [REEL], paging: { cursors: { before: 'A1' } } });

		const result = await run(getAll({ returnAll: true, simplify: false }));

		expect(result.json()).toEqual([IMAGE, REEL]);
		expectNoPendingMocks();
	});

	it('sends Since and Until as UNIX seconds, keeps media inside them, and stops once the pages reach past Since', async () => {
		const old = { ...IMAGE, id: '1780000', timestamp: '2026-10-01T00:00:00+0000' };
		const tooNew = { ...IMAGE, id: '1800000', timestamp: '2026-11-20T00:00:00+0000' };
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/media`)
			.query({ fields: FIELDS, limit: '100', since: '1793318400', until: '1793491200' })
			.reply(200, {
				data: [tooNew, IMAGE, REEL, CAROUSEL, old],
				paging: { next: `${FB_HOST}/v24.0/${ACCOUNT_ID}/media?after=more` },
			});

		const result = await run(getAll({ returnAll: true, since: '2026-10-30T00:00:00Z', until: '2026-11-01T00:00:00Z' }));

		expect(result.json().map((row) => row.id)).toEqual(['1790002', '1790003']);
		expectNoPendingMocks();
	});

	it('rejects Since after Until before any request', async () => {
		const result = await run(getAll({ since: '2026-11-02T00:00:00Z', until: '2026-11-01T00:00:00Z' }));
		expect(result.error?.message).toBe('Invalid "Since": 2026-11-02T00:00:00.000Z is after "Until" (2026-11-01T00:00:00.000Z)');
	});

	it('rejects a limit below 1 before any request', async () => {
		const result = await run(getAll({ limit: 0 }));
		expect(result.error?.message).toBe('Invalid "Limit": 0 is not a whole number 1 or more');
	});
});

describe('Media > Get Many with insights (Facebook Login: Graph batch requests)', () => {
	it('asks each media, in one batch, for every metric its type supports (auto), and emits one column per metric', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/media`)
			.query({ fields: FIELDS, limit: '3' })
			.reply(200, { data: [IMAGE, REEL, CAROUSEL] });
		const batch = graph()
			.post('/', batchOf([`v24.0/1790001/insights?metric=${FEED_METRICS}`, `v24.0/1790002/insights?metric=${REELS_METRICS}`, `v24.0/1790003/insights?metric=${FEED_METRICS}`]))
			.reply(200, [
				batchReply(200, insightsBody({ views: 300, reach: 100, likes: 12, comments: 3, shares: 2, saved: 5, total_interactions: 22, follows: 1, profile_visits: 4, profile_activity: 2 })),
				batchReply(200, insightsBody({ views: 900, reach: '450', likes: 40, comments: 0, shares: 7, saved: 9, total_interactions: 56, ig_reels_avg_watch_time: 5400, ig_reels_video_view_total_time: 810000 })),
				// An empty data set means no data: null, never 0.
				batchReply(200, { data: [] }),
			]);

		const result = await run(getAll({ limit: 3, includeInsights: true }));

		expect(result.status).toBe('success');
		expect(batch.isDone()).toBe(true);
		expect(result.items()).toEqual([
			{
				json: { ...IMAGE, ...nulls, views: 300, reach: 100, likes: 12, comments: 3, shares: 2, saved: 5, total_interactions: 22, follows: 1, profile_visits: 4, profile_activity: 2 },
				pairedItem: { item: 0 },
			},
			{
				json: { ...REEL, caption: null, like_count: null, ...nulls, views: 900, reach: 450, likes: 40, comments: 0, shares: 7, saved: 9, total_interactions: 56, ig_reels_avg_watch_time: 5400, ig_reels_video_view_total_time: 810000 },
				pairedItem: { item: 0 },
			},
			{ json: { ...CAROUSEL, ...nulls }, pairedItem: { item: 0 } },
		]);
		expect(Object.keys(result.json()[0])).toEqual([...FIELDS.split(','), ...COLUMNS]);
	});

	it('sends chosen metrics only to media that can have them; the others get null (skip)', async () => {
		graph().get(`/v24.0/${ACCOUNT_ID}/media`).query(true).reply(200, { data: [IMAGE, REEL] });
		graph()
			.post('/', batchOf(['v24.0/1790001/insights?metric=reach,profile_visits', 'v24.0/1790002/insights?metric=reach']))
			.reply(200, [batchReply(200, insightsBody({ reach: 10, profile_visits: 2 })), batchReply(200, insightsBody({ reach: 20 }))]);

		const result = await run(getAll({ limit: 2, includeInsights: true, metrics: ['reach', 'profile_visits', 'replies'] }));

		expect(result.json()).toEqual([
			{ ...IMAGE, reach: 10, profile_visits: 2, replies: null },
			{ ...REEL, caption: null, like_count: null, reach: 20, profile_visits: null, replies: null },
		]);
		expectNoPendingMocks();
	});

	it('with "fail", stops before asking for insights, naming the metric, the media and its type', async () => {
		graph().get(`/v24.0/${ACCOUNT_ID}/media`).query(true).reply(200, { data: [IMAGE, REEL] });

		const result = await run(
			getAll({ limit: 2, includeInsights: true, metrics: ['reach', 'saved', 'replies'], options: { onUnsupportedMetric: 'fail' } }),
		);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The metric "replies" is not available for media 1790001 of type FEED IMAGE');
		expect(result.error?.description).toBe(
			'Meta serves "replies" for STORY media only. Set Options > On Unsupported Metric to Skip to leave it empty for such media.',
		);
		expectNoPendingMocks();
	});

	it.each([
		['impressions', 'Meta removed the metric "impressions" from API v22.0, and from every version on 2025-04-21: use "views" instead'],
		['plays', 'Meta removed the metric "plays" from API v22.0, and from every version on 2025-04-21: use "views" instead'],
		['video_views', 'Meta removed the metric "video_views" from API v21.0, and from every version on 2025-01-08: use "views" instead'],
		['engagement', 'Meta removed the metric "engagement" from API v18.0, and from every version on 2023-12-11: use "total_interactions" instead'],
		['taps_forward', 'Meta removed the metric "taps_forward" from API v18.0, and from every version on 2023-12-11: use "navigation" (navigation with the story_navigation_action_type breakdown) instead'],
	])('refuses the removed metric %s before any request, naming its replacement', async (metric, message) => {
		const result = await run(getAll({ includeInsights: true, metrics: ['reach', metric] }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`Invalid "Metrics": ${message}`);
	});

	it('leaves story metrics null when Meta says the story has too few viewers, without failing', async () => {
		const story = { ...IMAGE, id: '1792001', media_product_type: 'STORY' };
		graph().get(`/v24.0/${ACCOUNT_ID}/media`).query(true).reply(200, { data: [story, IMAGE] });
		graph()
			.post('/', batchOf([
				'v24.0/1792001/insights?metric=views,reach,shares,total_interactions,follows,profile_visits,profile_activity,replies,navigation',
				`v24.0/1790001/insights?metric=${FEED_METRICS}`,
			]))
			.reply(200, [batchReply(400, metaError(10, '(#10) Not enough viewers for the media to show insights')), batchReply(200, insightsBody({ reach: 9 }))]);

		const result = await run(getAll({ limit: 2, includeInsights: true }));

		expect(result.status).toBe('success');
		expect(result.json()).toEqual([
			{ ...story, ...nulls },
			{ ...IMAGE, ...nulls, reach: 9 },
		]);
	});

	it('drops a metric Meta refuses for one media despite the catalogue, and asks that media again without it', async () => {
		graph().get(`/v24.0/${ACCOUNT_ID}/media`).query(true).reply(200, { data: [CAROUSEL, IMAGE] });
		graph()
			.post('/', batchOf([`v24.0/1790003/insights?metric=${FEED_METRICS}`, `v24.0/1790001/insights?metric=${FEED_METRICS}`]))
			.reply(200, [
				batchReply(400, metaError(100, '(#100) The Media Insights API does not support the views metric for this media product type')),
				batchReply(200, insightsBody({ views: 1, reach: 2 })),
			])
			.post('/', batchOf([`v24.0/1790003/insights?metric=${FEED_METRICS.replace('views,', '')}`]))
			.reply(200, [batchReply(200, insightsBody({ reach: 70, saved: 3 }))]);

		const result = await run(getAll({ limit: 2, includeInsights: true }));

		expect(result.json()).toEqual([
			{ ...CAROUSEL, ...nulls, reach: 70, saved: 3 },
			{ ...IMAGE, ...nulls, views: 1, reach: 2 },
		]);
		expectNoPendingMocks();
	});

	it('with "fail", a chosen metric Meta refuses is an error naming it, the media and its type', async () => {
		graph().get(`/v24.0/${ACCOUNT_ID}/media`).query(true).reply(200, { data: [CAROUSEL] });
		graph()
			.post('/', batchOf(['v24.0/1790003/insights?metric=reach,likes']))
			.reply(200, [batchReply(400, metaError(100, '(#100) The metric likes is not supported for this media type'))]);

		const result = await run(
			getAll({ limit: 1, includeInsights: true, metrics: ['reach', 'likes'], options: { onUnsupportedMetric: 'fail' } }),
		);

		expect(result.error?.message).toBe(
			'The metric "likes" is not available for media 1790003 of type FEED CAROUSEL_ALBUM: (#100) The metric likes is not supported for this media type',
		);
		expect(result.error?.description).toBe(
			'Set Options > On Unsupported Metric to Skip to leave it empty for such media. Instagram Graph API error code: 100. Request ID: AbCdEf123.',
		);
	});

	it('fetches a timed-out (null) sub-response again on its own, and a throttled one after the wait', async () => {
		graph().get(`/v24.0/${ACCOUNT_ID}/media`).query(true).reply(200, { data: [IMAGE, REEL, CAROUSEL] });
		graph()
			.post('/', batchOf([`v24.0/1790001/insights?metric=${FEED_METRICS}`, `v24.0/1790002/insights?metric=${REELS_METRICS}`, `v24.0/1790003/insights?metric=${FEED_METRICS}`]))
			.reply(200, [null, batchReply(400, metaError(4, '(#4) Application request limit reached')), batchReply(200, insightsBody({ reach: 3 }))])
			.get('/v24.0/1790001/insights')
			.query({ metric: FEED_METRICS })
			.reply(200, insightsBody({ reach: 1 }))
			.get('/v24.0/1790002/insights')
			.query({ metric: REELS_METRICS })
			.reply(400, metaError(4, '(#4) Application request limit reached'), {
				'x-business-use-case-usage': JSON.stringify({ [ACCOUNT_ID]: [{ call_count: 100, estimated_time_to_regain_access: 1 }] }),
			})
			.get('/v24.0/1790002/insights')
			.query({ metric: REELS_METRICS })
			.reply(200, insightsBody({ reach: 2 }));

		const result = await run(getAll({ limit: 3, includeInsights: true }));

		expect(result.json().map((row) => row.reach)).toEqual([1, 2, 3]);
		expect(sleeps.waits).toEqual([60_000]);
		expectNoPendingMocks();
	});

	it('stops the whole run on an expired token inside a batch, with the token redacted', async () => {
		graph().get(`/v24.0/${ACCOUNT_ID}/media`).query(true).reply(200, { data: [IMAGE] });
		graph()
			.post('/')
			.reply(200, [batchReply(400, metaError(190, `Error validating access token ${TOKEN}: Session has expired`, { error_subcode: 463 }))]);

		const result = await run(getAll({ limit: 1, includeInsights: true }));

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Error validating access token [redacted]: Session has expired');
		expect(result.error?.description).toContain('The access token is invalid or has expired (the token has expired).');
		expect(JSON.stringify(result.run)).not.toContain(TOKEN);
	});

	it('returns each media with its insights answer unchanged when Simplify is off', async () => {
		graph().get(`/v24.0/${ACCOUNT_ID}/media`).query(true).reply(200, { data: [IMAGE] });
		graph().post('/').reply(200, [batchReply(200, insightsBody({ reach: 5 }))]);

		const result = await run(getAll({ limit: 1, includeInsights: true, simplify: false }));

		expect(result.json()).toEqual([{ ...IMAGE, insights: insightsBody({ reach: 5 }) }]);
	});
});

describe('Media > Get Many with insights (Instagram Login: parallel GETs)', () => {
	it('keeps at most Concurrency GETs in flight', async () => {
		const many = Array.from({ length: 12 }, (_, index) => ({ ...IMAGE, id: `17900${index}` }));
		graph(IG_HOST, IG_TOKEN).get('/v24.0/me/media').query(true).reply(200, { data: many });
		let inFlight = 0;
		let most = 0;
		graph(IG_HOST, IG_TOKEN)
			.get(/\/v24\.0\/17900\d+\/insights/)
			.query(true)
			.times(12)
			.reply(async () => {
				inFlight++;
				most = Math.max(most, inFlight);
				await new Promise((resolve) => setTimeout(resolve, 15));
				inFlight--;
				return [200, insightsBody({ reach: 1 })];
			});

		const result = await run(
			{ resource: 'media', operation: 'getAll', returnAll: true, includeInsights: true, options: { concurrency: 3 } },
			{ credentials: igCredentials() },
		);

		expect(result.json()).toHaveLength(12);
		expect(most).toBe(3);
		expectNoPendingMocks();
	});

	it('asks for the chosen fields plus those that decide the metrics', async () => {
		graph(IG_HOST, IG_TOKEN)
			.get('/v24.0/me/media')
			.query({ fields: 'id,caption,media_url,media_type,media_product_type', limit: '1' })
			.reply(200, { data: [{ id: '1790001', caption: 'hi', media_url: 'https://x/1.jpg', media_type: 'IMAGE', media_product_type: 'FEED' }] });

		const result = await run(
			{ resource: 'media', operation: 'getAll', limit: 1, options: { fields: ['id', 'caption', 'media_url'] } },
			{ credentials: igCredentials() },
		);

		expect(result.json()).toEqual([{ id: '1790001', caption: 'hi', media_url: 'https://x/1.jpg', media_type: 'IMAGE', media_product_type: 'FEED' }]);
	});

	it('asks graph.instagram.com once per media, never in a batch', async () => {
		graph(IG_HOST, IG_TOKEN).get('/v24.0/me/media').query({ fields: FIELDS, limit: '2' }).reply(200, { data: [IMAGE, REEL] });
		graph(IG_HOST, IG_TOKEN)
			.get('/v24.0/1790001/insights')
			.query({ metric: FEED_METRICS })
			.reply(200, insightsBody({ reach: 1 }))
			.get('/v24.0/1790002/insights')
			.query({ metric: REELS_METRICS })
			.reply(200, insightsBody({ reach: 2 }));

		const result = await run(
			{ resource: 'media', operation: 'getAll', limit: 2, includeInsights: true },
			{ credentials: igCredentials() },
		);

		expect(result.json().map((row) => row.reach)).toEqual([1, 2]);
		expectNoPendingMocks();
	});
});

afterAll(() => nock.cleanAll());
