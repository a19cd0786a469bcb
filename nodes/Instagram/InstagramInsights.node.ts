import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as businessDiscovery from './actions/businessDiscovery/BusinessDiscovery.resource';
import * as hashtag from './actions/hashtag/Hashtag.resource';
import * as media from './actions/media/Media.resource';
import * as story from './actions/story/Story.resource';
import { router } from './actions/router';
import { searchAccounts } from './methods/listSearch';

export class InstagramInsights implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Instagram Insights',
		name: 'instagramInsights',
		icon: { light: 'file:instagram.svg', dark: 'file:instagram.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Get account, media, story and audience insights, hashtag media and public business profiles from the Instagram Graph API',
		defaults: { name: 'Instagram Insights' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'instagramGraphApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Business Discovery', value: 'businessDiscovery' },
					{ name: 'Hashtag', value: 'hashtag' },
					{ name: 'Media', value: 'media' },
					{ name: 'Story', value: 'story' },
				],
				default: 'account',
			},
			...account.description,
			...media.description,
			...story.description,
			...hashtag.description,
			...businessDiscovery.description,
		],
	};

	methods = { listSearch: { searchAccounts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
