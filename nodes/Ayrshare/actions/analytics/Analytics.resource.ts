import type { INodeProperties } from 'n8n-workflow';

import * as getBySocialId from './getBySocialId.operation';
import * as getLinks from './getLinks.operation';
import * as getPost from './getPost.operation';
import * as getSocial from './getSocial.operation';
import * as getYouTubePlaylists from './getYouTubePlaylists.operation';

export { getBySocialId, getLinks, getPost, getSocial, getYouTubePlaylists };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analytics'] } },
		options: [
			{
				name: 'Get by Social ID',
				value: 'getBySocialId',
				description: 'Get analytics of posts by the networks\' own post IDs, including posts not sent through Ayrshare',
				action: 'Get analytics by social post ID',
			},
			{
				name: 'Get Links',
				value: 'getLinks',
				description: 'Get click analytics of shortened links',
				action: 'Get link analytics',
			},
			{
				name: 'Get Post',
				value: 'getPost',
				description: 'Get analytics of a post sent through Ayrshare, per network',
				action: 'Get post analytics',
			},
			{
				name: 'Get Social Account',
				value: 'getSocial',
				description: 'Get followers, impressions and demographics of linked accounts',
				action: 'Get social account analytics',
			},
			{
				name: 'Get YouTube Playlists',
				value: 'getYouTubePlaylists',
				description: 'Get the playlists of the linked YouTube channel',
				action: 'Get playlists of the linked channel',
			},
		],
		default: 'getPost',
	},
	...getPost.description,
	...getBySocialId.description,
	...getSocial.description,
	...getLinks.description,
	...getYouTubePlaylists.description,
];
