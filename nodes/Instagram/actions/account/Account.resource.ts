import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getDemographics from './getDemographics.operation';
import * as getInsights from './getInsights.operation';

export { get, getDemographics, getInsights };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the profile of an Instagram professional account',
				action: 'Get an account',
			},
			{
				name: 'Get Demographics',
				value: 'getDemographics',
				description: 'Get who follows, reaches or engages with the account, by age, city, country or gender',
				action: 'Get audience demographics of an account',
			},
			{
				name: 'Get Insights',
				value: 'getInsights',
				description: 'Get account metrics per day or as totals, optionally broken down',
				action: 'Get insights of an account',
			},
		],
		default: 'get',
	},
	...get.description,
	...getInsights.description,
	...getDemographics.description,
];
