import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { HISTORY_PLATFORMS, platformOptions } from '../../platforms';
import { readList } from '../../responses';
import { ayrshareRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { cut, listLimit, listResult, requirePlatforms } from '../shape';

const properties: INodeProperties[] = [
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		required: true,
		options: platformOptions(HISTORY_PLATFORMS),
		default: 'instagram',
		description: 'The linked account whose posts to list',
	},
	returnAllProperty,
	limitProperty,
	simplifyProperty,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['history'], operation: ['getByPlatform'] } },
	properties,
);

/**
 * `GET /history/{platform}`: posts on the linked account, including those
 * not sent through Ayrshare, with the network's own IDs (for Get by Social ID).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const [platform] = requirePlatforms(
		this,
		{ label: 'Platform', itemIndex },
		this.getNodeParameter('platform', itemIndex),
		HISTORY_PLATFORMS,
		{ required: true, max: 1 },
	);
	const limit = listLimit(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const response = await ayrshareRequest(this, { method: 'GET', path: `/history/${encodeURIComponent(platform)}` }, itemIndex, options);
	return listResult(cut(readList(response.body, ['posts', 'history', 'data']), limit), simplify, { platform });
}
