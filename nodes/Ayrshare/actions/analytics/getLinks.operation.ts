import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { requireIntegerInRange } from '../../../shared/validation';
import { readList } from '../../responses';
import { ayrshareRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { cut, listLimit, listResult } from '../shape';

const properties: INodeProperties[] = [
	{
		displayName: 'Last Days',
		name: 'lastDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 30 },
		default: 1,
		description:
			'Links shortened over the past N days, 1 to 30. Click counts can take up to an hour to show.',
	},
	returnAllProperty,
	limitProperty,
	simplifyProperty,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['analytics'], operation: ['getLinks'] } },
	properties,
);

/** `GET /analytics/links?lastDays=N`: one row per shortened link (Premium or Business plan). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const lastDays = requireIntegerInRange(
		this.getNode(),
		{ label: 'Last Days', itemIndex },
		this.getNodeParameter('lastDays', itemIndex),
		1,
		30,
	);
	const limit = listLimit(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const response = await ayrshareRequest(this, { method: 'GET', path: '/analytics/links', qs: { lastDays } }, itemIndex, options);
	return listResult(cut(readList(response.body, ['links', 'data']), limit), simplify);
}
