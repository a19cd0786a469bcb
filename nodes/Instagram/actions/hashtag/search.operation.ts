import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { executePerItem } from '../../../shared/output';
import { accountIdFor, requireFacebookLogin } from '../../helpers/account';
import { hashtagNameOf, hashtagNotFound, searchHashtag } from '../../helpers/hashtags';
import { requestSettings, simplifyOf } from '../../helpers/parameters';
import type { GraphConnection } from '../../transport';
import { accountLocator, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...accountLocator, description: 'The Instagram professional account the search is made for (it counts against its hashtag limit)' },
	{
		displayName: 'Hashtag Name',
		name: 'hashtagName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. coffee',
		description:
			'The hashtag to find, with or without #. Meta lets an Instagram account query 30 unique hashtags per 7 days (a rolling window); querying the same hashtag again does not count twice.',
	},
	simplifyProperty,
	optionsCollection([]),
];

export const description = updateDisplayOptions({ show: { resource: ['hashtag'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	return await executePerItem(this, async (itemIndex) => {
		const node = this.getNode();
		requireFacebookLogin(this, connection, 'Hashtag search', itemIndex);
		const accountId = accountIdFor(this, connection, itemIndex);
		const name = hashtagNameOf(node, this.getNodeParameter('hashtagName', itemIndex, ''), itemIndex);
		const found = await searchHashtag(this, connection, accountId, name, requestSettings(this, itemIndex));
		if (!simplifyOf(this, itemIndex)) return found.body;
		if (!found.id) throw hashtagNotFound(node, name, itemIndex);
		return { hashtag: name, id: found.id };
	});
}
