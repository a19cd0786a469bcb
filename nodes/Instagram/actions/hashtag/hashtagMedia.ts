/** What Get Top Media and Get Recent Media share: the same parameters, one edge apart. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import { executePerItem, flattenRow } from '../../../shared/output';
import { requirePositiveInteger } from '../../../shared/validation';
import { accountIdFor, requireFacebookLogin } from '../../helpers/account';
import { resolveHashtag } from '../../helpers/hashtags';
import { fieldsOption, requestSettings, simplifyOf, withRequiredFields } from '../../helpers/parameters';
import { orderFields } from '../../helpers/rows';
import { graphList, type GraphConnection } from '../../transport';
import { accountLocator, optionsCollection } from '../common.descriptions';
import { HASHTAG_MEDIA_FIELDS, hashtagLocator, hashtagMediaFieldsOption } from './descriptions';

/** Meta serves up to 50 hashtag media per page. */
const HASHTAG_PAGE_SIZE = 50;

export type HashtagEdge = 'top_media' | 'recent_media';

export const hashtagMediaProperties: INodeProperties[] = [
	{ ...accountLocator, description: 'The Instagram professional account the query is made for (it counts against its hashtag limit)' },
	hashtagLocator,
	returnAllProperty,
	limitProperty,
	simplifyProperty,
	optionsCollection([hashtagMediaFieldsOption]),
];

export async function executeHashtagMedia(
	ctx: IExecuteFunctions,
	connection: GraphConnection,
	edge: HashtagEdge,
): Promise<INodeExecutionData[]> {
	return await executePerItem(ctx, async (itemIndex) => {
		const node = ctx.getNode();
		requireFacebookLogin(ctx, connection, 'Hashtag media', itemIndex);
		const accountId = accountIdFor(ctx, connection, itemIndex);
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll
			? undefined
			: requirePositiveInteger(node, { label: 'Limit', itemIndex }, ctx.getNodeParameter('limit', itemIndex, 50));
		const fields = withRequiredFields(fieldsOption(ctx, itemIndex, HASHTAG_MEDIA_FIELDS), ['id']);
		const settings = requestSettings(ctx, itemIndex);
		const hashtag = await resolveHashtag(ctx, connection, accountId, ctx.getNodeParameter('hashtagName', itemIndex), itemIndex, settings);
		const media = await graphList<IDataObject>(
			ctx,
			connection,
			`${encodeURIComponent(hashtag.id)}/${edge}`,
			{ user_id: accountId, fields: fields.join(',') },
			{ limit, pageSize: HASHTAG_PAGE_SIZE, what: `${edge === 'top_media' ? 'top' : 'recent'} media of the hashtag` },
			settings,
		);
		if (!simplifyOf(ctx, itemIndex)) return media;
		return media.map((item) => flattenRow({ hashtag: hashtag.name, hashtag_id: hashtag.id, ...orderFields(item, fields) }));
	});
}
