import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { requireIntegerInRange } from '../../../shared/validation';
import { HISTORY_PLATFORMS, platformOptions } from '../../platforms';
import { readList } from '../../responses';
import { ayrshareRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { cut, listLimit, listResult, requirePlatforms } from '../shape';

/** Ayrshare's cap on `limit` (its default is 25, which Return All must not stop at). */
export const HISTORY_MAX_RECORDS = 1000;

export const HISTORY_STATUSES = ['awaiting approval', 'deleted', 'error', 'paused', 'pending', 'processing', 'success'];

const properties: INodeProperties[] = [
	returnAllProperty,
	{
		...limitProperty,
		hint: 'Sent to Ayrshare as lastRecords (and limit), so only that many of the most recent posts are fetched',
	},
	{
		displayName: 'Last Records',
		name: 'lastRecords',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Only the N most recent posts; 0 for every post within Last Days',
		displayOptions: { show: { returnAll: [true] } },
	},
	{
		displayName: 'Last Days',
		name: 'lastDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'Posts published (or scheduled) over the past N days; 0 for the whole history',
	},
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		options: [{ name: 'All Platforms', value: '' }, ...platformOptions(HISTORY_PLATFORMS)],
		default: '',
		description: 'Only posts sent to this network',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Any Status', value: '' },
			{ name: 'Awaiting Approval', value: 'awaiting approval' },
			{ name: 'Deleted', value: 'deleted' },
			{ name: 'Error', value: 'error' },
			{ name: 'Paused', value: 'paused' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Processing', value: 'processing' },
			{ name: 'Success', value: 'success' },
		],
		default: '',
		description: 'Only posts in this state. Deleted posts are listed only when this is Deleted.',
	},
	simplifyProperty,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['history'], operation: ['getAll'] } },
	properties,
);

/**
 * `GET /history`: posts sent through Ayrshare, newest first. The list is not
 * paged: the count goes as `lastRecords` (the older name) and `limit` (the
 * current one, whose default of 25 would otherwise cut Return All short).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const node = this.getNode();
	const limit = listLimit(this, itemIndex);
	const lastRecords =
		limit ??
		requireIntegerInRange(node, { label: 'Last Records', itemIndex }, this.getNodeParameter('lastRecords', itemIndex, 0), 0);
	const lastDays = requireIntegerInRange(node, { label: 'Last Days', itemIndex }, this.getNodeParameter('lastDays', itemIndex, 30), 0);
	const [platform] = requirePlatforms(this, { label: 'Platform', itemIndex }, this.getNodeParameter('platform', itemIndex, ''), HISTORY_PLATFORMS, { max: 1 });
	const status = String(this.getNodeParameter('status', itemIndex, '') ?? '').trim().toLowerCase();
	if (status !== '' && !HISTORY_STATUSES.includes(status)) {
		throw new NodeOperationError(node, `Invalid "Status": "${status}" is not a post status`, {
			itemIndex,
			description: `Use one of: ${HISTORY_STATUSES.join(', ')}.`,
		});
	}
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const qs: IDataObject = { lastDays };
	if (lastRecords > 0) {
		qs.lastRecords = lastRecords;
		qs.limit = Math.min(lastRecords, HISTORY_MAX_RECORDS);
	} else {
		qs.limit = HISTORY_MAX_RECORDS;
	}
	if (platform) qs.platform = platform;
	if (status) qs.status = status;
	const response = await ayrshareRequest(this, { method: 'GET', path: '/history', qs }, itemIndex, options);
	const records = readList(response.body, ['history', 'posts', 'data']);
	return listResult(cut(records, lastRecords > 0 ? lastRecords : undefined), simplify);
}
