import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executePerItem, type ItemResult } from '../../shared/output';
import * as comment from './comment/Comment.resource';
import * as media from './media/Media.resource';
import * as tag from './tag/Tag.resource';
import * as user from './user/User.resource';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

const operations: Record<string, Record<string, Operation>> = {
	media: { get: media.get.execute },
	user: { get: user.get.execute, getMedia: user.getMedia.execute },
	tag: { get: tag.get.execute, getMedia: tag.getMedia.execute },
	comment: { getAll: comment.getAll.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await executePerItem(this, async (itemIndex) => await run.call(this, itemIndex))];
}
