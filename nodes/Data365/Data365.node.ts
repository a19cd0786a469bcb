import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as comment from './actions/comment/Comment.resource';
import * as media from './actions/media/Media.resource';
import { router } from './actions/router';
import * as tag from './actions/tag/Tag.resource';
import * as user from './actions/user/User.resource';

export class Data365 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Data365',
		name: 'data365',
		icon: { light: 'file:data365.svg', dark: 'file:data365.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read public Instagram profiles, posts, hashtags and comments through Data365',
		defaults: { name: 'Data365' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'data365Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Comment', value: 'comment' },
					{ name: 'Media', value: 'media' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'User', value: 'user' },
				],
				default: 'media',
			},
			...media.description,
			...user.description,
			...tag.description,
			...comment.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
