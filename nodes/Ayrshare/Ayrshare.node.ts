import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as analytics from './actions/analytics/Analytics.resource';
import * as history from './actions/history/History.resource';
import { router } from './actions/router';

export class Ayrshare implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ayrshare',
		name: 'ayrshare',
		icon: { light: 'file:ayrshare.svg', dark: 'file:ayrshare.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Get post, account and link analytics and post history across social networks from Ayrshare',
		defaults: { name: 'Ayrshare' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ayrshareApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Analytics', value: 'analytics' },
					{ name: 'History', value: 'history' },
				],
				default: 'analytics',
			},
			...analytics.description,
			...history.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
