import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as getByPlatform from './getByPlatform.operation';

export { getAll, getByPlatform };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['history'] } },
		options: [
			{
				name: 'Get by Platform',
				value: 'getByPlatform',
				description: 'Get posts on a linked account, including posts not sent through Ayrshare',
				action: 'Get posts of a linked account',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many posts sent through Ayrshare',
				action: 'Get many posts',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...getByPlatform.description,
];
