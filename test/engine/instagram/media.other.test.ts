import { ACCOUNT_ID, FB_HOST, TOKEN, expectNoPendingMocks, graph, run, useNock } from './setup';

useNock();

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

describe('Media > Get', () => {
	it('gets one media with the row fields', async () => {
		graph()
			.get('/v24.0/1790001')
			.query({ fields: 'id,timestamp,media_type,media_product_type,permalink,caption,like_count,comments_count' })
			.reply(200, IMAGE);

		const result = await run({ resource: 'media', operation: 'get', mediaId: ' 1790001 ' });

		expect(result.items()).toEqual([{ json: IMAGE, pairedItem: { item: 0 } }]);
	});

	it('asks for chosen fields, flattening nested ones into columns', async () => {
		graph()
			.get('/v24.0/1790001')
			.query({ fields: 'id,owner,children{id,media_type,media_url,permalink,thumbnail_url,timestamp}' })
			.reply(200, { id: '1790001', owner: { id: ACCOUNT_ID }, children: { data: [{ id: 'c1', media_type: 'IMAGE' }] } });

		const result = await run({
			resource: 'media',
			operation: 'get',
			mediaId: '1790001',
			options: { fields: ['id', 'owner', 'children{id,media_type,media_url,permalink,thumbnail_url,timestamp}'] },
		});

		expect(result.json()).toEqual([{ id: '1790001', 'owner.id': ACCOUNT_ID, 'children.data': '[{"id":"c1","media_type":"IMAGE"}]' }]);
	});

	it('needs a media ID, before any request', async () => {
		// n8n itself refuses an empty required field; an expression can still resolve to nothing.
		const result = await run({ resource: 'media', operation: 'get', mediaId: '={{ $json.id }}' }, { input: [{}] });
		expect(result.error?.message).toBe('Invalid "Media ID": a value is required');
	});
});

describe('Media > Get Comments', () => {
	it('pages through comments with an exact limit, following paging.next', async () => {
		graph()
			.get('/v24.0/1790001/comments')
			.query({ fields: 'id,timestamp,username,text,like_count', limit: '3' })
			.reply(200, {
				data: [
					{ id: 'c1', timestamp: '2026-11-01T12:00:00+0000', username: 'ann', text: 'Nice', like_count: 2 },
					{ id: 'c2', timestamp: '2026-11-01T12:01:00+0000', username: 'bob', text: 'Wow' },
				],
				paging: { next: `${FB_HOST}/v24.0/1790001/comments?limit=3&after=C2&access_token=${TOKEN}` },
			})
			.get('/v24.0/1790001/comments')
			.query({ limit: '1', after: 'C2', access_token: TOKEN })
			.reply(200, {
				data: [{ id: 'c3', timestamp: '2026-11-01T12:02:00+0000', username: 'cy', text: 'Yes', like_count: 0 }],
				paging: { next: `${FB_HOST}/v24.0/1790001/comments?limit=1&after=C3` },
			});

		const result = await run({ resource: 'media', operation: 'getComments', mediaId: '1790001', limit: 3 });

		expect(result.json()).toEqual([
			{ id: 'c1', timestamp: '2026-11-01T12:00:00+0000', username: 'ann', text: 'Nice', like_count: 2 },
			{ id: 'c2', timestamp: '2026-11-01T12:01:00+0000', username: 'bob', text: 'Wow', like_count: null },
			{ id: 'c3', timestamp: '2026-11-01T12:02:00+0000', username: 'cy', text: 'Yes', like_count: 0 },
		]);
		expectNoPendingMocks();
		expect(JSON.stringify(result.run)).not.toContain(TOKEN);
	});

	it('stops when Meta repeats a next page, instead of looping', async () => {
		const next = `${FB_HOST}/v24.0/1790001/comments?after=SAME`;
		graph()
			.get('/v24.0/1790001/comments')
			.query(true)
			.reply(200, { data: [{ id: 'c1' }], paging: { next } })
			.get('/v24.0/1790001/comments')
			.query({ after: 'SAME' })
			.reply(200, { data: [{ id: 'c2' }], paging: { next } });

		const result = await run({ resource: 'media', operation: 'getComments', mediaId: '1790001', returnAll: true });

		expect(result.error?.message).toBe(
			'The API returned the same next-page value twice while listing comments; stopped to avoid an endless loop',
		);
	});

	it('keeps a token found in a next URL out of the error when a later page fails', async () => {
		const otherToken = 'EAAB-page-token-987654321';
		graph()
			.get('/v24.0/1790001/comments')
			.query(true)
			.reply(200, { data: [{ id: 'c1' }], paging: { next: `${FB_HOST}/v24.0/1790001/comments?after=X&access_token=${otherToken}` } })
			.get('/v24.0/1790001/comments')
			.query(true)
			.reply(400, { error: { message: `(#100) Invalid cursor in ${FB_HOST}/v24.0/1790001/comments?after=X&access_token=${otherToken}`, code: 100 } });

		const result = await run({ resource: 'media', operation: 'getComments', mediaId: '1790001', returnAll: true });

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`(#100) Invalid cursor in ${FB_HOST}/v24.0/1790001/comments?after=X&access_token=[redacted]`);
		expect(JSON.stringify(result.run)).not.toContain(otherToken);
	});
});

describe('Media > Get Children', () => {
	it('lists the children of a carousel without a page size, with an exact limit', async () => {
		graph()
			.get('/v24.0/1790003/children')
			.query({ fields: 'id,media_type,media_url,permalink,thumbnail_url,timestamp' })
			.reply(200, {
				data: [
					{ id: 'c1', media_type: 'IMAGE', media_url: 'https://x/1.jpg', permalink: 'https://p/1', timestamp: '2026-11-01T11:03:04+0000' },
					{ id: 'c2', media_type: 'VIDEO', media_url: 'https://x/2.mp4', permalink: 'https://p/2', thumbnail_url: 'https://x/2.jpg', timestamp: '2026-11-01T11:03:04+0000' },
					{ id: 'c3', media_type: 'IMAGE' },
				],
			});

		const result = await run({ resource: 'media', operation: 'getChildren', mediaId: '1790003', limit: 2 });

		expect(result.json()).toEqual([
			{ id: 'c1', media_type: 'IMAGE', media_url: 'https://x/1.jpg', permalink: 'https://p/1', thumbnail_url: null, timestamp: '2026-11-01T11:03:04+0000' },
			{ id: 'c2', media_type: 'VIDEO', media_url: 'https://x/2.mp4', permalink: 'https://p/2', thumbnail_url: 'https://x/2.jpg', timestamp: '2026-11-01T11:03:04+0000' },
		]);
	});
});
