import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['businessDiscovery'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					"Get another business or creator account's public profile and, optionally, its recent media with like and comment counts (Facebook Login)",
				action: 'Get a business account by username',
			},
		],
		default: 'get',
	},
	...get.description,
];
