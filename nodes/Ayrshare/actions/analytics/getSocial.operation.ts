import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { requireIntegerInRange } from '../../../shared/validation';
import { platformOptions, SOCIAL_ANALYTICS_PLATFORMS } from '../../platforms';
import { ayrshareRequest } from '../../transport';
import { failOnPlatformErrorOption, optionsCollection } from '../common.descriptions';
import { analyticsResult, requirePlatforms } from '../shape';

const properties: INodeProperties[] = [
	{
		displayName: 'Platforms',
		name: 'platforms',
		type: 'multiOptions',
		required: true,
		options: platformOptions(SOCIAL_ANALYTICS_PLATFORMS),
		default: [],
		description: 'Linked accounts to read: followers, impressions, views and demographics per network',
	},
	simplifyProperty,
	optionsCollection([
		{
			displayName: 'Daily',
			name: 'daily',
			type: 'boolean',
			default: false,
			description: 'Whether to add day-by-day values (Facebook, Instagram, Snapchat, TikTok, YouTube)',
		},
		failOnPlatformErrorOption,
		{
			displayName: 'Last 60 Days (TikTok)',
			name: 'period60Days',
			type: 'boolean',
			default: false,
			description: 'Whether TikTok reports the last 60 days instead of its default period',
		},
		{
			displayName: 'Quarters',
			name: 'quarters',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 4 },
			default: 1,
			description: 'Number of past quarters (1 to 4) to add, where the network reports them',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['analytics'], operation: ['getSocial'] } },
	properties,
);

/** `POST /analytics/social` `{ platforms, daily?, quarters?, period60Days? }`: account-level analytics. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const platforms = requirePlatforms(
		this,
		{ label: 'Platforms', itemIndex },
		this.getNodeParameter('platforms', itemIndex, []),
		SOCIAL_ANALYTICS_PLATFORMS,
		{ required: true },
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const body: IDataObject = { platforms };
	if (options.daily === true) body.daily = true;
	if (options.quarters !== undefined) {
		body.quarters = requireIntegerInRange(this.getNode(), { label: 'Quarters', itemIndex }, options.quarters, 1, 4);
	}
	if (options.period60Days === true) body.period60Days = true;
	const response = await ayrshareRequest(this, { method: 'POST', path: '/analytics/social', body }, itemIndex, options);
	return await analyticsResult(this, response.body, {
		itemIndex,
		simplify,
		failOnPlatformError: options.failOnPlatformError === true,
	});
}
