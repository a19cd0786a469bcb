import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { readList } from '../../responses';
import { ayrshareRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { cut, listLimit, listResult } from '../shape';

const properties: INodeProperties[] = [returnAllProperty, limitProperty, simplifyProperty, optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['analytics'], operation: ['getYouTubePlaylists'] } },
	properties,
);

/** `GET /analytics/youTubePlaylists`: one row per playlist of the linked YouTube channel. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const limit = listLimit(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const response = await ayrshareRequest(this, { method: 'GET', path: '/analytics/youTubePlaylists' }, itemIndex, options);
	return listResult(cut(readList(response.body, ['playlists', 'items', 'data']), limit), simplify);
}
