import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { graphConnection, type GraphConnection } from '../transport';
import * as account from './account/Account.resource';
import * as businessDiscovery from './businessDiscovery/BusinessDiscovery.resource';
import * as hashtag from './hashtag/Hashtag.resource';
import * as media from './media/Media.resource';
import * as story from './story/Story.resource';

type Operation = { execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	account: { get: account.get, getDemographics: account.getDemographics, getInsights: account.getInsights },
	media: {
		get: media.get,
		getAll: media.getAll,
		getChildren: media.getChildren,
		getComments: media.getComments,
		getInsights: media.getInsights,
	},
	story: { getAll: story.getAll },
	hashtag: { getRecentMedia: hashtag.getRecentMedia, getTopMedia: hashtag.getTopMedia, search: hashtag.search },
	businessDiscovery: { get: businessDiscovery.get },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	// The credential's version is checked here, before any request.
	const connection = await graphConnection(this);
	return [await handler.execute.call(this, connection)];
}
