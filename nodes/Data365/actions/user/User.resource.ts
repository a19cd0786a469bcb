import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMedia from './getMedia.operation';

export { get, getMedia };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a public profile: name, biography, followers, following and post counts',
				action: 'Get a user profile',
			},
			{
				name: 'Get Media',
				value: 'getMedia',
				description: 'Get the posts of a public profile, newest first',
				action: 'Get the media of a user',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMedia.description,
];
