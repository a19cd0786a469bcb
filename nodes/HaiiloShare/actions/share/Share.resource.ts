import type { INodeProperties } from 'n8n-workflow';

import * as countByNetwork from './countByNetwork.operation';
import * as getAll from './getAll.operation';

export { countByNetwork, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['share'] } },
		options: [
			{
				name: 'Count by Network',
				value: 'countByNetwork',
				description: 'Count the shares made in a time range, per network',
				action: 'Count shares by network',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the shares made in a time range',
				action: 'Get many shares',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...countByNetwork.description,
];
