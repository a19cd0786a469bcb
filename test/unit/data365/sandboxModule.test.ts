/** The emulator itself, driven with the seed's own example requests. */
import { createData365Module } from '../../../sandbox/providers/data365';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ modules: [createData365Module({ loadingPolls: 0 })], size: 6 });
});
afterAll(async () => {
	await sandbox.close();
});

async function graph(path: string, fields: string, extra = ''): Promise<{ status: number; body: Record<string, any> }> {
	const response = await fetch(
		`${sandbox.baseUrl('/data365')}${path}?fields=${encodeURIComponent(fields)}&access_token=t${extra}`,
	);
	return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('Data365 sandbox module (Graph API)', () => {
	it('answers the seed\'s tag request with exactly the fields asked for', async () => {
		const { status, body } = await graph('/tag/juice', 'id,media_count,profile_pic_url,last_update,is_being_updated');
		expect(status).toBe(200);
		expect(body.status).toBe('ok');
		expect(body.error).toEqual({});
		expect(Object.keys(body.data)).toEqual(['id', 'media_count', 'profile_pic_url', 'last_update', 'is_being_updated']);
	});

	it('answers nested objects and the first comment (seed "First comment + owner")', async () => {
		const { body } = await graph(
			'/media/1770093817144369706',
			'id,shortcode,created_time,owner{id,username},\ncomments.first(1){edges{node{id,text,owner{id,username}}}}',
		);
		expect(body.data.id).toBe('1770093817144369706');
		expect(Object.keys(body.data.owner)).toEqual(['id', 'username']);
		expect(body.data.comments.edges.length).toBeLessThanOrEqual(1);
	});

	it('pages with first(N) and after("cursor"), and refuses an unquoted cursor', async () => {
		const first = await graph('/tag/photography', 'id,media.first(3){page_info{has_next_page,start_cursor,end_cursor},edges{node{id}}}');
		expect(first.body.data.media.page_info).toEqual({
			has_next_page: true,
			start_cursor: 'YXJyYXljb25uZWN0aW9uOjA=',
			end_cursor: 'YXJyYXljb25uZWN0aW9uOjI=',
		});
		expect(first.body.data.media.edges).toHaveLength(3);
		const next = await graph(
			'/tag/photography',
			'id,media.first(3).after("YXJyYXljb25uZWN0aW9uOjI="){page_info{has_next_page,start_cursor,end_cursor},edges{node{id}}}',
		);
		expect(next.body.data.media.page_info).toEqual({
			has_next_page: false,
			start_cursor: 'YXJyYXljb25uZWN0aW9uOjM=',
			end_cursor: 'YXJyYXljb25uZWN0aW9uOjU=',
		});
		const ids = [...first.body.data.media.edges, ...next.body.data.media.edges].map((edge: any) => edge.node.id);
		expect(new Set(ids).size).toBe(6);
		const last = await graph('/tag/photography', 'media.last(2).before("YXJyYXljb25uZWN0aW9uOjU="){edges{node{id}}}');
		expect(last.body.data.media.edges.map((edge: any) => edge.node.id)).toEqual(ids.slice(3, 5));
		const unquoted = await graph('/tag/photography', 'media.first(3).after(YXJy){edges{node{id}}}');
		expect(unquoted.status).toBe(400);
		expect(unquoted.body.status).toBe('InvalidRequestError');
	});

	it('reports the seed\'s error types', async () => {
		expect((await graph('/media/1', 'id_')).body).toEqual({
			error: { message: 'Cannot query field "id_" on type "Media". Did you mean "id"?', type: 'InvalidRequestError' },
			data: {},
			status: 'InvalidRequestError',
		});
		const noToken = await fetch(`${sandbox.baseUrl('/data365')}/tag/juice?fields=id`);
		expect(noToken.status).toBe(403);
		expect(((await noToken.json()) as any).error.type).toBe('AuthenticationError');
		const missing = await graph('/user/missing_person', 'id');
		expect(missing.status).toBe(404);
		expect(missing.body.error).toEqual({ message: 'Some nodes you requested cannot be loaded: missing_person', type: 'NodeNotExistsError' });
		expect((await graph('/user/broken_one', 'id')).status).toBe(500);
		expect((await graph('/user/x', 'id', '&from_date=June')).status).toBe(400);
	});
});
