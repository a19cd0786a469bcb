import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { requireNonEmpty } from '../../../shared/validation';
import { platformOptions, POST_ANALYTICS_PLATFORMS } from '../../platforms';
import { ayrshareRequest } from '../../transport';
import { failOnPlatformErrorOption, optionsCollection } from '../common.descriptions';
import { analyticsResult, requirePlatforms } from '../shape';

const properties: INodeProperties[] = [
	{
		displayName: 'Post ID',
		name: 'postId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. RhrbDtYh7hdSMc67zC8H',
		description:
			'The top-level Ayrshare post ID (the post ID that /post returns and History > Get Many lists), not the networks\' IDs in "postIds"',
	},
	{
		displayName: 'Platforms',
		name: 'platforms',
		type: 'multiOptions',
		options: platformOptions(POST_ANALYTICS_PLATFORMS),
		default: [],
		description: 'Networks to read. Empty: every network the post was sent to.',
	},
	simplifyProperty,
	optionsCollection([failOnPlatformErrorOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['analytics'], operation: ['getPost'] } },
	properties,
);

/** `POST /analytics/post` `{ id, platforms? }`: analytics of a post sent through Ayrshare. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const postId = requireNonEmpty(this.getNode(), { label: 'Post ID', itemIndex }, this.getNodeParameter('postId', itemIndex));
	const platforms = requirePlatforms(
		this,
		{ label: 'Platforms', itemIndex },
		this.getNodeParameter('platforms', itemIndex, []),
		POST_ANALYTICS_PLATFORMS,
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const body: IDataObject = { id: postId };
	if (platforms.length > 0) body.platforms = platforms;
	const response = await ayrshareRequest(this, { method: 'POST', path: '/analytics/post', body }, itemIndex, options);
	return await analyticsResult(this, response.body, {
		itemIndex,
		simplify,
		failOnPlatformError: options.failOnPlatformError === true,
	});
}
