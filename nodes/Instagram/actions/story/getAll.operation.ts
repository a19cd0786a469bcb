import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import { alignColumns, executePerItem } from '../../../shared/output';
import { requirePositiveInteger } from '../../../shared/validation';
import { accountIdFor } from '../../helpers/account';
import { storyMetricColumns } from '../../helpers/catalogue';
import { readInsightsRequest } from '../../helpers/mediaInsights';
import {
	concurrencyOf,
	fieldsOption,
	momentOf,
	requestSettings,
	simplifyOf,
	withRequiredFields,
} from '../../helpers/parameters';
import { storyRow } from '../../helpers/rows';
import { fetchStoryInsights, listStories } from '../../helpers/stories';
import type { GraphConnection } from '../../transport';
import { accountLocator, concurrencyOption, optionsCollection } from '../common.descriptions';
import { STORY_REQUIRED_FIELDS, STORY_ROW_FIELDS, storyFieldsOption, storyMetricsProperty } from './descriptions';

const properties: INodeProperties[] = [
	accountLocator,
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Include Insights',
		name: 'includeInsights',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the insights of each story as columns. Meta keeps story insights only while the story is live (24 hours).',
	},
	{ ...storyMetricsProperty, displayOptions: { show: { includeInsights: [true] } } },
	simplifyProperty,
	optionsCollection([
		storyFieldsOption,
		{ ...concurrencyOption, displayOptions: { show: { '/includeInsights': [true] } } },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['story'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	const at = momentOf(connection);
	return await executePerItem(this, async (itemIndex) => {
		const node = this.getNode();
		const accountId = accountIdFor(this, connection, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll
			? undefined
			: requirePositiveInteger(node, { label: 'Limit', itemIndex }, this.getNodeParameter('limit', itemIndex, 50));
		const includeInsights = this.getNodeParameter('includeInsights', itemIndex, false) as boolean;
		const insights = includeInsights ? readInsightsRequest(this, itemIndex, at) : undefined;
		const concurrency = includeInsights ? concurrencyOf(this, itemIndex) : 1;
		const simplify = simplifyOf(this, itemIndex);
		const settings = requestSettings(this, itemIndex);
		const fields = withRequiredFields(fieldsOption(this, itemIndex, STORY_ROW_FIELDS), STORY_REQUIRED_FIELDS);

		const stories = await listStories(this, connection, accountId, fields, limit, settings);
		if (!insights) return simplify ? stories.map((story) => storyRow(story, fields)) : stories;
		const found = await fetchStoryInsights(this, connection, stories, insights, { concurrency, settings, at, itemIndex });
		if (!simplify) return stories.map((story, index) => ({ ...story, insights: found[index].raw }) as IDataObject);
		const columns = storyMetricColumns(insights.selection, at);
		return alignColumns(stories.map((story, index) => storyRow(story, fields, columns, found[index].values)));
	});
}
