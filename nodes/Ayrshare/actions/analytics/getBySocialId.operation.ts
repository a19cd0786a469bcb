import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { parseList } from '../../../shared/validation';
import { platformOptions, SOCIAL_ID_PLATFORMS } from '../../platforms';
import { ayrshareRequest } from '../../transport';
import { failOnPlatformErrorOption, optionsCollection } from '../common.descriptions';
import { analyticsResult, requirePlatforms } from '../shape';

/** Ayrshare takes at most this many social post IDs in one call. */
export const MAX_SOCIAL_POST_IDS = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Social Post IDs',
		name: 'socialPostIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 17895695668004550, 17912345678901234',
		description:
			'One social network post ID, or up to 100 separated by commas (or an array from an expression). These are the networks\' own IDs, e.g. from History > Get by Platform; the linked account must own the posts.',
	},
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		options: platformOptions(SOCIAL_ID_PLATFORMS),
		default: 'instagram',
		description: 'The network the IDs belong to (Ayrshare takes one per call)',
	},
	simplifyProperty,
	optionsCollection([failOnPlatformErrorOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['analytics'], operation: ['getBySocialId'] } },
	properties,
);

/**
 * `POST /analytics/post` with `searchPlatformId: true` (Business plan): one
 * ID goes as `id`, several as `postIds`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const ids = [...new Set(parseList(this.getNodeParameter('socialPostIds', itemIndex)))];
	if (ids.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Invalid "Social Post IDs": a value is required', {
			itemIndex,
			description: 'Give one social post ID, or several separated by commas.',
		});
	}
	if (ids.length > MAX_SOCIAL_POST_IDS) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Social Post IDs": ${ids.length} IDs given, Ayrshare takes at most ${MAX_SOCIAL_POST_IDS} per call`,
			{ itemIndex, description: 'Split the IDs over several items, e.g. with a Loop Over Items node.' },
		);
	}
	const [platform] = requirePlatforms(
		this,
		{ label: 'Platform', itemIndex },
		this.getNodeParameter('platform', itemIndex),
		SOCIAL_ID_PLATFORMS,
		{ required: true, max: 1 },
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const body: IDataObject =
		ids.length === 1
			? { id: ids[0], platforms: [platform], searchPlatformId: true }
			: { postIds: ids, platforms: [platform], searchPlatformId: true };
	const response = await ayrshareRequest(this, { method: 'POST', path: '/analytics/post', body }, itemIndex, options);
	return await analyticsResult(this, response.body, {
		itemIndex,
		simplify,
		failOnPlatformError: options.failOnPlatformError === true,
	});
}
