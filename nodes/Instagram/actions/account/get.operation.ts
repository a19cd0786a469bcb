import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { executePerItem } from '../../../shared/output';
import { accountIdFor } from '../../helpers/account';
import { fieldsOption, requestSettings, simplifyOf } from '../../helpers/parameters';
import { orderedRow } from '../../helpers/rows';
import { graphGet, type GraphConnection } from '../../transport';
import { accountLocator, optionsCollection } from '../common.descriptions';

export const PROFILE_FIELDS = [
	'username',
	'name',
	'followers_count',
	'follows_count',
	'media_count',
	'profile_picture_url',
	'biography',
	'website',
] as const;

const properties: INodeProperties[] = [
	accountLocator,
	simplifyProperty,
	optionsCollection([
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			options: [
				{ name: 'Biography', value: 'biography' },
				{ name: 'Followers Count', value: 'followers_count' },
				{ name: 'Follows Count', value: 'follows_count' },
				{ name: 'Instagram ID (Legacy)', value: 'ig_id' },
				{ name: 'Media Count', value: 'media_count' },
				{ name: 'Name', value: 'name' },
				{ name: 'Profile Picture URL', value: 'profile_picture_url' },
				{ name: 'Username', value: 'username' },
				{ name: 'Website', value: 'website' },
			],
			default: [...PROFILE_FIELDS],
			description: 'Profile fields to return (the ID always comes)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	return await executePerItem(this, async (itemIndex) => {
		const accountId = accountIdFor(this, connection, itemIndex);
		// With Instagram Login `/me` answers with an app-scoped `id`; `user_id` is the professional account's ID.
		const idFields = accountId === 'me' ? ['id', 'user_id'] : ['id'];
		const fields = [...idFields, ...fieldsOption(this, itemIndex, PROFILE_FIELDS).filter((field) => !idFields.includes(field))];
		const profile = await graphGet(this, connection, encodeURIComponent(accountId), { fields: fields.join(',') }, requestSettings(this, itemIndex));
		return simplifyOf(this, itemIndex) ? orderedRow(profile, fields) : (profile as IDataObject);
	});
}
