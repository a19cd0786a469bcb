import { searchAccounts } from '../../../nodes/Instagram/methods/listSearch';
import { FB_HOST, IG_HOST, IG_TOKEN, expectNoPendingMocks, fbCredentials, graph, igCredentials, useNock } from './setup';
import { loadOptionsContext } from './loadOptions';

useNock();

describe('Account "From list" search', () => {
	it('lists the Instagram accounts linked to the Pages of a Facebook Login token, following paging.next', async () => {
		graph()
			.get('/v24.0/me/accounts')
			.query({ fields: 'name,instagram_business_account{id,username,name}', limit: '100' })
			.reply(200, {
				data: [
					{ id: 'p1', name: 'Coffee Page', instagram_business_account: { id: '178001', username: 'sandbox_coffee', name: 'Sandbox Coffee' } },
					{ id: 'p2', name: 'Page Without Instagram' },
				],
				paging: { next: `${FB_HOST}/v24.0/me/accounts?limit=100&after=QVFI&access_token=EAAB-other-token-99` },
			})
			.get('/v24.0/me/accounts')
			.query({ limit: '100', after: 'QVFI', access_token: 'EAAB-other-token-99' })
			.reply(200, {
				data: [
					{ id: 'p3', instagram_business_account: { id: '178002', username: 'studio' } },
					{ id: 'p4', instagram_business_account: { id: '178001', username: 'sandbox_coffee', name: 'Sandbox Coffee' } },
				],
			});

		const context = loadOptionsContext(fbCredentials());
		expect(await searchAccounts.call(context)).toEqual({
			results: [
				{ name: '@sandbox_coffee (Sandbox Coffee)', value: '178001', url: 'https://www.instagram.com/sandbox_coffee/' },
				{ name: '@studio', value: '178002', url: 'https://www.instagram.com/studio/' },
			],
		});
		expectNoPendingMocks();
	});

	it('filters by the search text', async () => {
		graph()
			.get('/v24.0/me/accounts')
			.query(true)
			.reply(200, {
				data: [
					{ id: 'p1', instagram_business_account: { id: '178001', username: 'sandbox_coffee' } },
					{ id: 'p3', instagram_business_account: { id: '178002', username: 'studio' } },
				],
			});

		const result = await searchAccounts.call(loadOptionsContext(fbCredentials()), 'STUD');
		expect(result.results.map((item) => item.value)).toEqual(['178002']);
	});

	it("offers the token's own account with Instagram Login (user_id is the professional account ID)", async () => {
		graph(IG_HOST, IG_TOKEN)
			.get('/v24.0/me')
			.query({ fields: 'user_id,username,name' })
			.reply(200, { id: '9870000000000001', user_id: '17841400000000001', username: 'sandbox_coffee', name: 'Sandbox Coffee' });

		expect(await searchAccounts.call(loadOptionsContext(igCredentials()))).toEqual({
			results: [
				{ name: '@sandbox_coffee (Sandbox Coffee)', value: '17841400000000001', url: 'https://www.instagram.com/sandbox_coffee/' },
			],
		});
	});

	it("reports Meta's error when the token lacks pages_show_list", async () => {
		graph()
			.get('/v24.0/me/accounts')
			.query(true)
			.reply(403, { error: { message: '(#200) Requires pages_show_list permission to manage the object', code: 200 } });

		await expect(searchAccounts.call(loadOptionsContext(fbCredentials()))).rejects.toMatchObject({
			message: '(#200) Requires pages_show_list permission to manage the object',
			description: 'The token is missing the permission pages_show_list. Create a new token that grants it. Instagram Graph API error code: 200.',
		});
	});
});
