import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphConnection } from '../../transport';
import { executeHashtagMedia, hashtagMediaProperties } from './hashtagMedia';

export const description = updateDisplayOptions(
	{ show: { resource: ['hashtag'], operation: ['getRecentMedia'] } },
	hashtagMediaProperties,
);

/** `GET /{hashtag-id}/recent_media?user_id=…&fields=…`: public media with the hashtag from the last 24 hours. */
export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	return await executeHashtagMedia(this, connection, 'recent_media');
}
