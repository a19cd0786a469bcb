import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { graphConnection, graphGet, graphList } from '../transport';

function accountItem(account: IDataObject, id: string): INodeListSearchItems {
	const username = typeof account.username === 'string' ? account.username : undefined;
	const name = typeof account.name === 'string' && account.name !== username ? account.name : undefined;
	return {
		name: `${username ? `@${username}` : id}${name ? ` (${name})` : ''}`,
		value: id,
		url: username ? `https://www.instagram.com/${username}/` : undefined,
	};
}

/**
 * The Instagram professional accounts the token reaches: with Facebook Login
 * those linked to the user's Pages (`/me/accounts`), with Instagram Login the
 * token's own account.
 */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const connection = await graphConnection(this);
	const items: INodeListSearchItems[] = [];
	if (connection.loginType === 'instagramLogin') {
		const me = await graphGet(this, connection, 'me', { fields: 'user_id,username,name' }, {});
		const id = String(me.user_id ?? me.id ?? '');
		if (id) items.push(accountItem(me, id));
	} else {
		const pages = await graphList(
			this,
			connection,
			'me/accounts',
			{ fields: 'name,instagram_business_account{id,username,name}' },
			{ pageSize: 100, what: 'Facebook Pages' },
			{},
		);
		const seen = new Set<string>();
		for (const page of pages) {
			const account = page.instagram_business_account as IDataObject | undefined;
			const id = account?.id === undefined ? '' : String(account.id);
			if (!account || !id || seen.has(id)) continue;
			seen.add(id);
			items.push(accountItem(account, id));
		}
	}
	const wanted = filter?.trim().toLowerCase();
	return {
		results: wanted
			? items.filter((item) => item.name.toLowerCase().includes(wanted) || String(item.value).includes(wanted))
			: items,
	};
}
