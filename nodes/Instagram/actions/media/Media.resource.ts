import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getChildren from './getChildren.operation';
import * as getComments from './getComments.operation';
import * as getInsights from './getInsights.operation';

export { get, getAll, getChildren, getComments, getInsights };

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
				description: 'Get one media',
				action: 'Get a media',
			},
			{
				name: 'Get Children',
				value: 'getChildren',
				description: 'Get the images and videos of a carousel album',
				action: 'Get the children of a carousel',
			},
			{
				name: 'Get Comments',
				value: 'getComments',
				description: 'Get the comments on a media',
				action: 'Get comments on a media',
			},
			{
				name: 'Get Insights',
				value: 'getInsights',
				description: 'Get the insights of one or more media',
				action: 'Get media insights',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Get the account's media, optionally with their insights",
				action: 'Get many media',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...getInsights.description,
	...getComments.description,
	...getChildren.description,
];
