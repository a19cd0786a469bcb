import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { alignColumns } from '../../shared/output';
import { momentOf } from '../helpers/parameters';
import { graphConnection } from '../transport';
import { pollSettings } from './context';
import { pollNewComment } from './newComment';
import { pollNewMedia } from './newMedia';
import { pollStoryInsights } from './storyInsights';

/**
 * One poll: the event's records not emitted before, oldest first, or null
 * when there are none. A failure throws before the position moves, so the
 * next poll reads the same records again.
 */
export async function pollRouter(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event', 'newMedia') as string;
	const connection = await graphConnection(this);
	const poll = pollSettings(this, connection);
	let rows: IDataObject[] | null;
	switch (event) {
		case 'newMedia':
			rows = await pollNewMedia(this, connection, poll);
			break;
		case 'newComment':
			rows = await pollNewComment(this, connection, poll);
			break;
		case 'storyInsights':
			rows = await pollStoryInsights(this, connection, poll, momentOf(connection));
			break;
		default:
			throw new NodeOperationError(this.getNode(), `The event "${event}" is not supported`);
	}
	if (!rows?.length) return null;
	return [this.helpers.returnJsonArray(poll.simplify ? alignColumns(rows) : rows)];
}
