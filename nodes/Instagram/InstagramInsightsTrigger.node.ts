import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { simplifyProperty } from '../shared/descriptions';
import { accountLocator, concurrencyOption, optionsCollection } from './actions/common.descriptions';
import { storyMetricsProperty } from './actions/story/descriptions';
import { searchAccounts } from './methods/listSearch';
import { pollRouter } from './trigger/router';

export class InstagramInsightsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Instagram Insights Trigger',
		name: 'instagramInsightsTrigger',
		icon: { light: 'file:instagram.svg', dark: 'file:instagram.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new media, new comments, or stories about to expire with their final insights',
		defaults: { name: 'Instagram Insights Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'instagramGraphApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'New Comment',
						value: 'newComment',
						description: "Comments on the account's most recent media",
					},
					{
						name: 'New Media',
						value: 'newMedia',
						description: 'Media the account published since the last poll',
					},
					{
						name: 'Story Insights',
						value: 'storyInsights',
						description:
							'Each story once, with its final insights, when it reaches the chosen age and before it expires (24 hours after posting)',
					},
				],
				default: 'newMedia',
			},
			accountLocator,
			{
				displayName: 'Media to Watch',
				name: 'mediaCount',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 10,
				description: 'How many of the most recent media to watch for comments (each poll reads their comments)',
				displayOptions: { show: { event: ['newComment'] } },
			},
			{
				displayName: 'Story Age (Hours)',
				name: 'storyAge',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 23.9, numberPrecision: 1 },
				default: 20,
				description:
					'Emit a story once it is this old. Meta deletes stories and their insights 24 hours after posting, so poll at least every (24 - age) hours: every 4 hours for 20.',
				displayOptions: { show: { event: ['storyInsights'] } },
			},
			{ ...storyMetricsProperty, displayOptions: { show: { event: ['storyInsights'] } } },
			simplifyProperty,
			optionsCollection([
				{ ...concurrencyOption, displayOptions: { show: { '/event': ['newComment', 'storyInsights'] } } },
			]),
		],
	};

	methods = { listSearch: { searchAccounts } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollRouter.call(this);
	}
}
