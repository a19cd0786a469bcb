import type { INodeProperties } from 'n8n-workflow';

import * as getRecentMedia from './getRecentMedia.operation';
import * as getTopMedia from './getTopMedia.operation';
import * as search from './search.operation';

export { getRecentMedia, getTopMedia, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['hashtag'] } },
		options: [
			{
				name: 'Get Recent Media',
				value: 'getRecentMedia',
				description:
					'Get public media with the hashtag from the last 24 hours (Facebook Login; 30 unique hashtags per account per 7 days)',
				action: 'Get recent media of a hashtag',
			},
			{
				name: 'Get Top Media',
				value: 'getTopMedia',
				description: 'Get the most popular public media with the hashtag (Facebook Login; 30 unique hashtags per account per 7 days)',
				action: 'Get top media of a hashtag',
			},
			{
				name: 'Search',
				value: 'search',
				description: "Find a hashtag's ID by its name (Facebook Login; 30 unique hashtags per account per 7 days)",
				action: 'Search a hashtag',
			},
		],
		default: 'search',
	},
	...search.description,
	...getTopMedia.description,
	...getRecentMedia.description,
];
