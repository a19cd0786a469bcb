import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphConnection } from '../../transport';
import { executeHashtagMedia, hashtagMediaProperties } from './hashtagMedia';

export const description = updateDisplayOptions(
	{ show: { resource: ['hashtag'], operation: ['getTopMedia'] } },
	hashtagMediaProperties,
);

/** `GET /{hashtag-id}/top_media?user_id=…&fields=…`: the most popular public media with the hashtag. */
export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	return await executeHashtagMedia(this, connection, 'top_media');
}
