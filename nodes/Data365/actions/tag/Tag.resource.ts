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
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a hashtag: how many posts carry it',
				action: 'Get a hashtag',
			},
			{
				name: 'Get Media',
				value: 'getMedia',
				description: 'Get the latest posts with a hashtag',
				action: 'Get the media with a hashtag',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMedia.description,
];
