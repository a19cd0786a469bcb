import {
	IG_HOST,
	IG_TOKEN,
	TOKEN,
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
recordWaits();

const FIELDS = 'id,timestamp,media_type,media_product_type,permalink,caption,like_count,comments_count';
const lookup = (id: string) => `v24.0/${id}?fields=${FIELDS}`;

const media = (id: string, media_type: string, media_product_type: string) => ({
	id,
	timestamp: '2026-11-01T11:03:04+0000',
	media_type,
	media_product_type,
	permalink: `https://www.instagram.com/p/${id}/`,
	caption: `caption ${id}`,
	like_count: 1,
	comments_count: 2,
});
const A = media('1790001', 'IMAGE', 'FEED');
const B = media('1790002', 'VIDEO', 'REELS');
const C = media('1792001', 'VIDEO', 'STORY');

const getInsights = (extra: Record<string, unknown> = {}) => ({
	resource: 'media',
	operation: 'getInsights',
	metrics: ['reach', 'shares', 'replies'],
	...extra,
});

describe('Media > Get Insights', () => {
	it('looks a media up, then asks for the metrics its type supports, each step in one batch', async () => {
		graph()
			.post('/', batchOf([lookup('1790001')]))
			.reply(200, [batchReply(200, A)])
			.post('/', batchOf(['v24.0/1790001/insights?metric=reach,shares']))
			.reply(200, [batchReply(200, insightsBody({ reach: 10, shares: '4' }))]);

		const result = await run(getInsights({ mediaId: '1790001' }));

		expect(result.items()).toEqual([{ json: { ...A, reach: 10, shares: 4, replies: null }, pairedItem: { item: 0 } }]);
		expectNoPendingMocks();
	});

	it('takes a list of IDs', async () => {
		graph()
			.post('/', batchOf([lookup('1790001'), lookup('1790002')]))
			.reply(200, [batchReply(200, A), batchReply(200, B)])
			.post('/', batchOf(['v24.0/1790001/insights?metric=reach,shares', 'v24.0/1790002/insights?metric=reach,shares']))
			.reply(200, [batchReply(200, insightsBody({ reach: 10 })), batchReply(200, insightsBody({ reach: 20 }))]);

		const result = await run(getInsights({ mediaId: '1790001, 1790002' }));

		expect(result.json().map((row) => [row.id, row.reach])).toEqual([
			['1790001', 10],
			['1790002', 20],
		]);
	});

	it('fans out the media of all input items together, and pairs each row with its own item', async () => {
		graph()
			.post('/', batchOf([lookup('1790001'), lookup('1790002'), lookup('1792001')]))
			.reply(200, [batchReply(200, A), batchReply(200, B), batchReply(200, C)])
			.post(
				'/',
				batchOf([
					'v24.0/1790001/insights?metric=reach,shares',
					'v24.0/1790002/insights?metric=reach,shares',
					'v24.0/1792001/insights?metric=reach,shares,replies',
				]),
			)
			.reply(200, [
				batchReply(200, insightsBody({ reach: 10, shares: 1 })),
				batchReply(200, insightsBody({ reach: 20, shares: 2 })),
				batchReply(200, insightsBody({ reach: 30, shares: 3, replies: 4 })),
			]);

		const result = await run(getInsights(), { input: [{ id: '1790001' }, { id: '1790002' }, { id: '1792001' }, { id: '1790001' }] });

		expect(result.items()).toEqual([
			{ json: { ...A, reach: 10, shares: 1, replies: null }, pairedItem: { item: 0 } },
			{ json: { ...B, reach: 20, shares: 2, replies: null }, pairedItem: { item: 1 } },
			{ json: { ...C, reach: 30, shares: 3, replies: 4 }, pairedItem: { item: 2 } },
			{ json: { ...A, reach: 10, shares: 1, replies: null }, pairedItem: { item: 3 } },
		]);
		expectNoPendingMocks();
	});

	it('needs no lookup for input items that describe their media (the output of Media > Get Many)', async () => {
		graph()
			.post('/', batchOf(['v24.0/1790001/insights?metric=reach,shares', 'v24.0/1792001/insights?metric=reach,shares,replies']))
			.reply(200, [batchReply(200, insightsBody({ reach: 10, shares: 1 })), batchReply(200, insightsBody({ reach: 30, replies: 4 }))]);

		const result = await run(getInsights(), { input: [A, C] });

		expect(result.items()).toEqual([
			{ json: { ...A, reach: 10, shares: 1, replies: null }, pairedItem: { item: 0 } },
			{ json: { ...C, reach: 30, shares: null, replies: 4 }, pairedItem: { item: 1 } },
		]);
		expectNoPendingMocks();
	});

	it('gives each item its own error under Continue On Fail, while the others get their rows', async () => {
		graph()
			.post('/', batchOf([lookup('999'), lookup('1790001')]))
			.reply(200, [
				batchReply(400, metaError(100, "(#100) Unsupported get request. Object with ID '999' does not exist", { error_subcode: 33 })),
				batchReply(200, A),
			])
			.post('/', batchOf(['v24.0/1790001/insights?metric=reach,shares']))
			.reply(200, [batchReply(200, insightsBody({ reach: 10, shares: 1 }))]);

		const result = await run(getInsights(), { input: [{ id: '999' }, {}, { id: '1790001' }], continueOnFail: true });

		expect(result.items()).toEqual([
			{
				json: {
					error: "(#100) Unsupported get request. Object with ID '999' does not exist",
					description:
						'The object does not exist, or this token cannot see it: check the ID and that the account is linked to the token. Instagram Graph API error code: 100 (subcode 33). Request ID: AbCdEf123.',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					error: 'Invalid "Media IDs": a value is required',
					description: 'Enter a media ID or a list of them, or leave it empty and give the node items that have an "id".',
				},
				pairedItem: { item: 1 },
			},
			{ json: { ...A, reach: 10, shares: 1, replies: null }, pairedItem: { item: 2 } },
		]);
	});

	it('stops at the first failing item without Continue On Fail', async () => {
		const result = await run(getInsights(), { input: [{ name: 'no id' }] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Invalid "Media IDs": a value is required');
	});

	it("gives every item the error when a failure is not about one media (an expired token)", async () => {
		graph()
			.post('/')
			.reply(200, [
				batchReply(400, metaError(190, 'Error validating access token: Session has expired', { error_subcode: 463 })),
				batchReply(400, metaError(190, 'Error validating access token: Session has expired', { error_subcode: 463 })),
			]);

		const result = await run(getInsights(), { input: [{ id: '1790001' }, { id: '1790002' }], continueOnFail: true });

		expect(result.json().map((row) => row.error)).toEqual([
			'Error validating access token: Session has expired',
			'Error validating access token: Session has expired',
		]);
		expect(JSON.stringify(result.run)).not.toContain(TOKEN);
	});

	it('says Meta has no insights for carousel children, with its own words', async () => {
		const child = { ...media('1791001', 'IMAGE', 'FEED') };
		graph()
			.post('/', batchOf([lookup('1791001')]))
			.reply(200, [batchReply(200, child)])
			.post('/')
			.reply(200, [batchReply(400, metaError(100, '(#100) Insights are not available for carousel album children; query the parent album'))]);

		const result = await run(getInsights({ mediaId: '1791001', metrics: ['auto'] }));

		expect(result.error?.message).toBe('(#100) Insights are not available for carousel album children; query the parent album');
	});

	it('returns the insights answer unchanged with Simplify off', async () => {
		graph()
			.post('/')
			.reply(200, [batchReply(200, A)])
			.post('/')
			.reply(200, [batchReply(200, insightsBody({ reach: 10, shares: 1 }))]);

		const result = await run(getInsights({ mediaId: '1790001', simplify: false }));

		expect(result.json()).toEqual([insightsBody({ reach: 10, shares: 1 })]);
	});

	it('uses parallel GETs with Instagram Login', async () => {
		graph(IG_HOST, IG_TOKEN)
			.get('/v24.0/1790001')
			.query({ fields: FIELDS })
			.reply(200, A)
			.get('/v24.0/1790001/insights')
			.query({ metric: 'reach,shares' })
			.reply(200, insightsBody({ reach: 10, shares: 1 }));

		const result = await run(getInsights({ mediaId: '1790001' }), { credentials: igCredentials() });

		expect(result.json()).toEqual([{ ...A, reach: 10, shares: 1, replies: null }]);
		expectNoPendingMocks();
	});

	it('rejects a concurrency out of range before any request', async () => {
		const result = await run(getInsights({ mediaId: '1', options: { concurrency: 0 } }));
		expect(result.error?.message).toBe('Invalid "Concurrency": 0 is not a whole number from 1 to 50');
	});
});
