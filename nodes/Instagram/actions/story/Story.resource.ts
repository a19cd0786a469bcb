import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['story'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Get the account's current stories (those of the last 24 hours), optionally with their insights",
				action: 'Get many stories',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
