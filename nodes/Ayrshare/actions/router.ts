import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executePerItem, type ItemResult } from '../../shared/output';
import * as analytics from './analytics/Analytics.resource';
import * as history from './history/History.resource';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

const operations: Record<string, Record<string, Operation>> = {
	analytics: {
		getPost: analytics.getPost.execute,
		getBySocialId: analytics.getBySocialId.execute,
		getSocial: analytics.getSocial.execute,
		getLinks: analytics.getLinks.execute,
		getYouTubePlaylists: analytics.getYouTubePlaylists.execute,
	},
	history: {
		getAll: history.getAll.execute,
		getByPlatform: history.getByPlatform.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await executePerItem(this, (itemIndex) => run.call(this, itemIndex))];
}
