import { requestDeps } from '../../../nodes/shared/request';
import { ACCOUNT_ID, FB_HOST, IG_HOST, IG_TOKEN, TOKEN, accountById, expectNoPendingMocks, graph, igCredentials, run, useNock } from './setup';

useNock();

const SEP_1 = 1788220800; // 2026-09-01T00:00:00Z
const OCT_1 = 1790812800; // 2026-10-01T00:00:00Z
const OCT_16 = 1792108800; // 2026-10-16T00:00:00Z

const series = (name: string, points: Array<[string, unknown]>) => ({
	name,
	period: 'day',
	title: name,
	description: name,
	values: points.map(([day, value]) => ({ value, end_time: `${day}T07:00:00+0000` })),
	id: `${ACCOUNT_ID}/insights/${name}/day`,
});

const insights = (extra: Record<string, unknown> = {}) => ({
	resource: 'account',
	operation: 'getInsights',
	accountId: accountById(),
	...extra,
});

describe('Account > Get Insights: time series', () => {
	it('splits a range over 30 days into windows (UNIX seconds) and joins them into one row per day', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/insights`)
			.query({ metric: 'reach,follower_count', period: 'day', metric_type: 'time_series', since: String(SEP_1), until: String(OCT_1) })
			.reply(200, {
				data: [
					series('reach', [
						['2026-09-02', 120],
						['2026-09-03', '130'],
					]),
					series('follower_count', [['2026-09-02', 4]]),
				],
				paging: { next: `${FB_HOST}/v24.0/${ACCOUNT_ID}/insights?access_token=${TOKEN}&since=${OCT_1}` },
			})
			.get(`/v24.0/${ACCOUNT_ID}/insights`)
			.query({ metric: 'reach,follower_count', period: 'day', metric_type: 'time_series', since: String(OCT_1), until: String(OCT_16) })
			.reply(200, { data: [series('reach', [['2026-10-02', 90]]), series('follower_count', [])] });

		const result = await run(
			insights({ metrics: ['reach', 'follower_count'], since: '2026-09-01T00:00:00Z', until: '2026-10-16T00:00:00Z' }),
		);

		expect(result.items()).toEqual([
			{ json: { date: '2026-09-01', reach: 120, follower_count: 4 }, pairedItem: { item: 0 } },
			{ json: { date: '2026-09-02', reach: 130, follower_count: null }, pairedItem: { item: 0 } },
			{ json: { date: '2026-10-01', reach: 90, follower_count: null }, pairedItem: { item: 0 } },
		]);
		expectNoPendingMocks();
	});

	it("sends no range when none is given (Meta's default), and returns no rows for an empty data set", async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/insights`)
			.query({ metric: 'follower_count', period: 'day', metric_type: 'time_series' })
			.reply(200, { data: [] });

		const result = await run(insights({ metrics: ['follower_count'] }));

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([]);
		expectNoPendingMocks();
	});

	it('ends the range now when only Since is given', async () => {
		const realNow = requestDeps.now;
		requestDeps.now = () => OCT_16 * 1000;
		try {
			graph()
				.get(`/v24.0/${ACCOUNT_ID}/insights`)
				.query({ metric: 'reach', period: 'day', metric_type: 'time_series', since: String(OCT_1), until: String(OCT_16) })
				.reply(200, { data: [series('reach', [['2026-10-02', 9]])] });

			const result = await run(insights({ since: '2026-10-01T00:00:00Z' }));

			expect(result.json()).toEqual([{ date: '2026-10-01', reach: 9 }]);
		} finally {
			requestDeps.now = realNow;
		}
	});

	it('flattens the hourly values of online_followers into columns', async () => {
		graph(IG_HOST, IG_TOKEN)
			.get('/v24.0/me/insights')
			.query({ metric: 'online_followers', period: 'lifetime', metric_type: 'time_series' })
			.reply(200, { data: [series('online_followers', [['2026-10-02', { '0': 12, '1': 30 }]])] });

		const result = await run(
			{ resource: 'account', operation: 'getInsights', metrics: ['online_followers'], period: 'lifetime' },
			{ credentials: igCredentials() },
		);

		expect(result.json()).toEqual([{ date: '2026-10-01', 'online_followers.0': 12, 'online_followers.1': 30 }]);
	});

	it('returns the answers unchanged with Simplify off, except the tokens in paging URLs', async () => {
		const body = {
			data: [series('reach', [['2026-10-02', 9]])],
			paging: {
				previous: `${FB_HOST}/v24.0/${ACCOUNT_ID}/insights?access_token=${TOKEN}&since=1`,
				next: `${FB_HOST}/v24.0/${ACCOUNT_ID}/insights?access_token=${TOKEN}&since=2`,
			},
		};
		graph().get(`/v24.0/${ACCOUNT_ID}/insights`).query(true).reply(200, body);

		const result = await run(insights({ simplify: false }));

		expect(result.json()).toEqual([
			{
				...body,
				paging: {
					previous: `${FB_HOST}/v24.0/${ACCOUNT_ID}/insights?access_token=[redacted]&since=1`,
					next: `${FB_HOST}/v24.0/${ACCOUNT_ID}/insights?access_token=[redacted]&since=2`,
				},
			},
		]);
		expect(JSON.stringify(result.run)).not.toContain(TOKEN);
	});
});

describe('Account > Get Insights: total values', () => {
	it('emits one row per metric and window, null (never 0) for a metric Meta left out', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/insights`)
			.query({ metric: 'likes,comments', period: 'day', metric_type: 'total_value', since: String(OCT_1), until: String(OCT_16) })
			.reply(200, { data: [{ name: 'likes', period: 'day', total_value: { value: 321 }, id: 'x' }] });

		const result = await run(
			insights({ metrics: ['likes', 'comments'], metricType: 'total_value', since: '2026-10-01T00:00:00Z', until: '2026-10-16T00:00:00Z' }),
		);

		expect(result.json()).toEqual([
			{ metric: 'likes', period: 'day', since: '2026-10-01T00:00:00.000Z', until: '2026-10-16T00:00:00.000Z', value: 321 },
			{ metric: 'comments', period: 'day', since: '2026-10-01T00:00:00.000Z', until: '2026-10-16T00:00:00.000Z', value: null },
		]);
	});

	it('emits one row per dimension value with a breakdown', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/insights`)
			.query({ metric: 'reach,views', period: 'day', metric_type: 'total_value', breakdown: 'follow_type' })
			.reply(200, {
				data: ['reach', 'views'].map((name, index) => ({
					name,
					period: 'day',
					total_value: {
						value: 100 * (index + 1),
						breakdowns: [
							{
								dimension_keys: ['follow_type'],
								results: [
									{ dimension_values: ['FOLLOWER'], value: 60 * (index + 1) },
									{ dimension_values: ['NON_FOLLOWER'], value: 40 * (index + 1) },
								],
							},
						],
					},
				})),
			});

		const result = await run(insights({ metrics: ['reach', 'views'], metricType: 'total_value', breakdown: 'follow_type' }));

		expect(result.json()).toEqual([
			{ metric: 'reach', period: 'day', since: null, until: null, follow_type: 'FOLLOWER', value: 60 },
			{ metric: 'reach', period: 'day', since: null, until: null, follow_type: 'NON_FOLLOWER', value: 40 },
			{ metric: 'views', period: 'day', since: null, until: null, follow_type: 'FOLLOWER', value: 120 },
			{ metric: 'views', period: 'day', since: null, until: null, follow_type: 'NON_FOLLOWER', value: 80 },
		]);
	});
});

describe('Account > Get Insights: checks before any request', () => {
	it.each([
		[{ metrics: ['likes'] }, 'Invalid "Metric Type": "likes" works with "total_value", not "time_series"'],
		[{ metrics: ['reach', 'online_followers'] }, 'Invalid "Period": "online_followers" works with "lifetime", not "day"'],
		[{ metrics: ['reach'], metricType: 'total_value', breakdown: 'contact_button_type' }, 'Invalid "Breakdown": "reach" can be broken down by "media_product_type" or "follow_type", not "contact_button_type"'],
		[{ metrics: ['accounts_engaged'], metricType: 'total_value', breakdown: 'follow_type' }, 'Invalid "Breakdown": "accounts_engaged" has no breakdown'],
		[{ metrics: '={{ ["reach", "impressions"] }}' }, 'Invalid "Metrics": Meta removed the metric "impressions" from API v22.0, and from every version on 2025-04-21: use "views" instead'],
		[{ metrics: '={{ ["phone_call_clicks"] }}', metricType: 'total_value' }, 'Invalid "Metrics": Meta removed the metric "phone_call_clicks" from API v21.0, and from every version on 2025-01-08: use "profile_links_taps" (with the contact_button_type breakdown) instead'],
		[{ metrics: '={{ ["profile_views"] }}' }, 'Invalid "Metrics": Meta removed the metric "profile_views" as a time series from API v21.0, and from every version on 2025-01-08: ask for it with Metric Type "Total Value" instead'],
		[{ metrics: '={{ ["website_clicks"] }}' }, 'Invalid "Metrics": Meta removed the metric "website_clicks" as a time series from API v21.0, and from every version on 2025-01-08: ask for it with Metric Type "Total Value", or use "profile_links_taps", instead'],
		[{ metrics: '={{ ["follower_demographics"] }}', metricType: 'total_value' }, 'Invalid "Metrics": "follower_demographics" is an audience metric'],
		[{ metrics: '={{ [] }}' }, 'Invalid "Metrics": choose at least one metric'],
		[{ since: '2026-10-02T00:00:00Z', until: '2026-10-01T00:00:00Z' }, 'Invalid "Since": 2026-10-02T00:00:00.000Z is after "Until" (2026-10-01T00:00:00.000Z)'],
		[{ since: 'yesterday-ish' }, 'Invalid "Since": "yesterday-ish" is not a date'],
	])('%j -> %s', async (parameters, message) => {
		const result = await run(insights(parameters));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message);
	});

	it('lets a metric the catalogue does not know through to Meta', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/insights`)
			.query({ metric: 'brand_new_metric', period: 'day', metric_type: 'total_value' })
			.reply(200, { data: [{ name: 'brand_new_metric', total_value: { value: 5 } }] });

		const result = await run(insights({ metrics: '={{ ["brand_new_metric"] }}', metricType: 'total_value' }));

		expect(result.json()).toEqual([{ metric: 'brand_new_metric', period: 'day', since: null, until: null, value: 5 }]);
	});
});

describe('Account > Get Demographics', () => {
	const demographics = (extra: Record<string, unknown> = {}) => ({
		resource: 'account',
		operation: 'getDemographics',
		accountId: accountById(),
		...extra,
	});

	it('asks for a lifetime total broken down, and emits one row per dimension value', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/insights`)
			.query({ metric: 'engaged_audience_demographics', period: 'lifetime', metric_type: 'total_value', breakdown: 'age,gender', timeframe: 'this_week' })
			.reply(200, {
				data: [
					{
						name: 'engaged_audience_demographics',
						period: 'lifetime',
						total_value: {
							breakdowns: [
								{
									dimension_keys: ['age', 'gender'],
									results: [
										{ dimension_values: ['18-24', 'F'], value: 263 },
										{ dimension_values: ['18-24', 'M'], value: '120' },
									],
								},
							],
						},
					},
				],
			});

		const result = await run(demographics({ metric: 'engaged_audience_demographics', breakdown: ['age', 'gender'], timeframe: 'this_week' }));

		expect(result.items()).toEqual([
			{ json: { metric: 'engaged_audience_demographics', timeframe: 'this_week', age: '18-24', gender: 'F', value: 263 }, pairedItem: { item: 0 } },
			{ json: { metric: 'engaged_audience_demographics', timeframe: 'this_week', age: '18-24', gender: 'M', value: 120 }, pairedItem: { item: 0 } },
		]);
		expectNoPendingMocks();
	});

	it('takes a breakdown given as text, and emits no rows when Meta has none (under 100 followers)', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}/insights`)
			.query({ metric: 'follower_demographics', period: 'lifetime', metric_type: 'total_value', breakdown: 'city', timeframe: 'this_month' })
			.reply(200, { data: [{ name: 'follower_demographics', total_value: { breakdowns: [{ dimension_keys: ['city'], results: [] }] } }] });

		const result = await run(demographics({ breakdown: 'city' }));

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([]);
	});

	it.each([
		[{ metric: 'audience_city' }, 'Invalid "Metric": Meta removed the metric "audience_city" from API v18.0, and from every version on 2023-12-11: use "follower_demographics", "engaged_audience_demographics" or "reached_audience_demographics" (the Get Demographics operation) instead'],
		[{ timeframe: 'last_30_days' }, 'Invalid "Timeframe": "last_30_days" is not one of this_month, this_week'],
		[{ breakdown: 'zodiac' }, 'Invalid "Breakdown": "zodiac" is not one of age, city, country, gender'],
		[{ metric: 'reach' }, 'Invalid "Metric": "reach" is not an audience metric'],
	])('%j -> %s', async (parameters, message) => {
		const result = await run(demographics(parameters));
		expect(result.error?.message).toBe(message);
	});
});
