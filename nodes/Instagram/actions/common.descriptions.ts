import type { INodeProperties } from 'n8n-workflow';

import { maxWaitOption } from '../../shared/descriptions';

export const accountLocator: INodeProperties = {
	displayName: 'Account',
	name: 'accountId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		"The Instagram professional account. With Instagram Login, leave it empty to use the token's own account.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an account...',
			typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 17841400000000000',
		},
	],
};

export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: 8,
	description:
		'How many requests (or batches of 50 with Facebook Login) run at the same time when fetching insights for many media',
};

export const onUnsupportedMetricOption: INodeProperties = {
	displayName: 'On Unsupported Metric',
	name: 'onUnsupportedMetric',
	type: 'options',
	options: [
		{
			name: 'Skip (Leave Empty)',
			value: 'skip',
			description: 'The metric is null for media that cannot have it',
		},
		{
			name: 'Fail',
			value: 'fail',
			description: 'Stop with an error naming the metric, the media and its type',
		},
	],
	default: 'skip',
	description: 'What to do when a chosen metric does not exist for a media type (for example replies on a reel)',
};

/** The "Options" collection of an operation, with the shared rate-limit cap. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, maxWaitOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
