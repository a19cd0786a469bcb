import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['comment'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the comments of a post',
				action: 'Get many comments',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
