import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	limitProperty,
	maxWaitMsFrom,
	maxWaitOption,
	returnAllProperty,
	simplifyProperty,
} from '../../../shared/descriptions';
import { alignColumns, executePerItem, flattenRow } from '../../../shared/output';
import { requirePositiveInteger } from '../../../shared/validation';
import { dateRangeProperties, instagramNotice, networkClassifier, networkProperties, readShareRange } from '../../parameters';
import { sharePages } from '../../transport';

const properties: INodeProperties[] = [
	instagramNotice,
	...dateRangeProperties,
	...networkProperties,
	returnAllProperty,
	limitProperty,
	{
		...simplifyProperty,
		description:
			'Whether to return flat rows (nested fields as dotted columns such as "post.title", missing values as null) instead of the shares as Haiilo Share returns them',
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

export const description = updateDisplayOptions({ show: { resource: ['share'], operation: ['getAll'] } }, properties);

/**
 * Shares made between From and To, page by page (up to 1000 a page). The
 * network filter is applied here, as the API has none: Limit then counts
 * matching shares, and reading stops as soon as it is reached.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await executePerItem(this, async (itemIndex) => {
		const range = readShareRange(this, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll
			? undefined
			: requirePositiveInteger(this.getNode(), { label: 'Limit', itemIndex }, this.getNodeParameter('limit', itemIndex, 50));
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		const classifier = networkClassifier(
			this.getNodeParameter('networks', itemIndex, []),
			this.getNodeParameter('otherNetworks', itemIndex, ''),
		);
		const settings = { itemIndex, maxWaitMs: maxWaitMsFrom(this.getNodeParameter('options', itemIndex, {}) as IDataObject) };

		const shares: IDataObject[] = [];
		const pages = sharePages(this, range, settings, classifier.filtering ? undefined : limit);
		reading: for await (const page of pages) {
			for (const share of page) {
				if (!classifier.matches(share)) continue;
				shares.push(simplify ? flattenRow(share) : share);
				if (limit !== undefined && shares.length >= limit) break reading;
			}
		}
		return simplify ? alignColumns(shares) : shares;
	});
}
