import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { maxWaitMsFrom, maxWaitOption } from '../../../shared/descriptions';
import { executePerItem } from '../../../shared/output';
import { NetworkCounter } from '../../networks';
import {
	dateRangeProperties,
	instagramNotice,
	networkClassifier,
	networkProperties,
	rangeColumns,
	readShareRange,
} from '../../parameters';
import { sharePages } from '../../transport';

const properties: INodeProperties[] = [
	instagramNotice,
	...dateRangeProperties,
	...networkProperties,
	{
		displayName:
			'A share counts for the network its network field names. Where a share has no such field, it counts for each network its text mentions (as when searching the JSON for "Instagram"), and the row says method "keyword".',
		name: 'countNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxWaitOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['share'], operation: ['countByNetwork'] } },
	properties,
);

/**
 * One row per network with its number of shares between From and To. Shares
 * are counted page by page as they arrive and then dropped, so memory stays
 * flat however many shares the range holds.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await executePerItem(this, async (itemIndex) => {
		const range = readShareRange(this, itemIndex);
		const classifier = networkClassifier(
			this.getNodeParameter('networks', itemIndex, []),
			this.getNodeParameter('otherNetworks', itemIndex, ''),
		);
		const settings = { itemIndex, maxWaitMs: maxWaitMsFrom(this.getNodeParameter('options', itemIndex, {}) as IDataObject) };

		const counter = new NetworkCounter(classifier);
		for await (const page of sharePages(this, range, settings)) {
			for (const share of page) counter.add(share);
			// Emptied once counted: the paging loop still holds this page while the next one
			// downloads, which would otherwise keep 1000 dead shares alive into V8's old space.
			page.length = 0;
		}
		const { from, to } = rangeColumns(range);
		return counter.rows(from, to);
	});
}
