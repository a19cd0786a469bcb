import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import { executePerItem } from '../../../shared/output';
import { toUnixSeconds } from '../../../shared/dates';
import { assertDateOrder, parseDateParameter, requirePositiveInteger } from '../../../shared/validation';
import { accountIdFor } from '../../helpers/account';
import { mediaMetricColumns } from '../../helpers/catalogue';
import { fetchMediaInsights, readInsightsRequest } from '../../helpers/mediaInsights';
import {
	concurrencyOf,
	fieldsOption,
	momentOf,
	requestSettings,
	simplifyOf,
	withRequiredFields,
} from '../../helpers/parameters';
import { graphTime, mediaRow } from '../../helpers/rows';
import { graphList, readGraphPage, type GraphConnection } from '../../transport';
import { accountLocator, concurrencyOption, onUnsupportedMetricOption, optionsCollection } from '../common.descriptions';
import { MEDIA_ROW_FIELDS, MEDIA_TYPE_FIELDS, mediaFieldsOption, metricsProperty } from './descriptions';

/** Meta serves up to 100 media per page of /media (Airbyte and Activepieces ask for 100). */
const MEDIA_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	accountLocator,
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		description: 'Only media posted at or after this time',
	},
	{
		displayName: 'Until',
		name: 'until',
		type: 'dateTime',
		default: '',
		description: 'Only media posted at or before this time',
	},
	{
		displayName: 'Include Insights',
		name: 'includeInsights',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the insights of each media as columns (fetched in batches of 50 with Facebook Login, in parallel with Instagram Login)',
	},
	{ ...metricsProperty, displayOptions: { show: { includeInsights: [true] } } },
	simplifyProperty,
	optionsCollection([
		mediaFieldsOption,
		{ ...concurrencyOption, displayOptions: { show: { '/includeInsights': [true] } } },
		{ ...onUnsupportedMetricOption, displayOptions: { show: { '/includeInsights': [true] } } },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	const at = momentOf(connection);
	return await executePerItem(this, async (itemIndex) => {
		const node = this.getNode();
		const accountId = accountIdFor(this, connection, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll
			? undefined
			: requirePositiveInteger(node, { label: 'Limit', itemIndex }, this.getNodeParameter('limit', itemIndex, 50));
		const timeZone = this.getTimezone();
		const sinceRef = { label: 'Since', itemIndex };
		const untilRef = { label: 'Until', itemIndex };
		const since = parseDateParameter(node, sinceRef, this.getNodeParameter('since', itemIndex, ''), { timeZone });
		const until = parseDateParameter(node, untilRef, this.getNodeParameter('until', itemIndex, ''), { timeZone });
		assertDateOrder(node, { ref: sinceRef, date: since }, { ref: untilRef, date: until });
		const includeInsights = this.getNodeParameter('includeInsights', itemIndex, false) as boolean;
		const insights = includeInsights ? readInsightsRequest(this, itemIndex, at) : undefined;
		const concurrency = includeInsights ? concurrencyOf(this, itemIndex) : 1;
		const simplify = simplifyOf(this, itemIndex);
		const settings = requestSettings(this, itemIndex);
		const chosenFields = fieldsOption(this, itemIndex, MEDIA_ROW_FIELDS);
		const fields = withRequiredFields(chosenFields, [...MEDIA_TYPE_FIELDS, ...(since || until ? ['timestamp'] : [])]);

		const sinceMs = since?.getTime() ?? Number.NEGATIVE_INFINITY;
		const untilMs = until?.getTime() ?? Number.POSITIVE_INFINITY;
		const media = await graphList<IDataObject>(
			this,
			connection,
			`${encodeURIComponent(accountId)}/media`,
			{
				fields: fields.join(','),
				since: since ? toUnixSeconds(since) : undefined,
				until: until ? toUnixSeconds(until) : undefined,
			},
			{
				limit,
				pageSize: MEDIA_PAGE_SIZE,
				what: 'media',
				// Media come newest first: once a page reaches past Since, the rest is older.
				readPage: (body) => {
					const page = readGraphPage<IDataObject>(body);
					if (!since && !until) return page;
					const times = page.items.map((item) => graphTime(item.timestamp));
					const items = page.items.filter((_, index) => !(times[index] < sinceMs || times[index] > untilMs));
					return { items, next: times.some((time) => time < sinceMs) ? undefined : page.next };
				},
			},
			settings,
		);

		if (!insights) return simplify ? media.map((item) => mediaRow(item, fields)) : media;
		const outcomes = await fetchMediaInsights(
			this,
			connection,
			media.map((item) => ({ media: item, request: insights, itemIndex })),
			{ concurrency, settings, at },
		);
		const failed = outcomes.find((outcome) => !outcome.ok);
		if (failed && !failed.ok) throw failed.error;
		const columns = mediaMetricColumns(insights.selection, at);
		return media.map((item, index) => {
			const outcome = outcomes[index];
			if (!outcome.ok) return item;
			return simplify ? mediaRow(item, fields, columns, outcome.values) : { ...item, insights: outcome.raw };
		});
	});
}
