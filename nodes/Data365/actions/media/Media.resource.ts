import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a post by media ID or shortcode: caption, tags, likes, comments and views',
				action: 'Get a media post',
			},
		],
		default: 'get',
	},
	...get.description,
];
