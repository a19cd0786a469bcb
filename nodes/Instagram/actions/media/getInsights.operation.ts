import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { errorItem, itemError, rowsToItems } from '../../../shared/output';
import { parseList } from '../../../shared/validation';
import { mediaMetricColumns } from '../../helpers/catalogue';
import { fetchMediaInsights, readInsightsRequest, type InsightsRequest, type MediaInsightsJob } from '../../helpers/mediaInsights';
import {
	concurrencyOf,
	fieldsOption,
	momentOf,
	requestSettings,
	simplifyOf,
	withRequiredFields,
} from '../../helpers/parameters';
import { mediaRow } from '../../helpers/rows';
import { apiErrorFrom, fetchMany, type GraphConnection } from '../../transport';
import { concurrencyOption, onUnsupportedMetricOption, optionsCollection } from '../common.descriptions';
import { MEDIA_ROW_FIELDS, MEDIA_TYPE_FIELDS, mediaFieldsOption, mediaIdProperty, metricsProperty } from './descriptions';

const properties: INodeProperties[] = [
	{
		...mediaIdProperty,
		displayName: 'Media IDs',
		required: false,
		placeholder: 'e.g. 17900000000000000, 17900000000000001',
		description:
			'One media ID, or several separated by commas. Leave empty to use the "id" of each input item: items from Media > Get Many (with their media type) need no extra lookup.',
	},
	metricsProperty,
	simplifyProperty,
	optionsCollection([
		concurrencyOption,
		{ ...mediaFieldsOption, description: 'Media fields of each row (Simplify on). ID, media type and media product type always come.' },
		onUnsupportedMetricOption,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['getInsights'] } }, properties);

interface ItemPlan {
	ids: string[];
	/** The media itself when the input item is one (from Media > Get Many): no lookup needed. */
	known?: IDataObject;
	request: InsightsRequest;
	fields: string[];
	simplify: boolean;
}

function mediaIdsOf(ctx: IExecuteFunctions, itemIndex: number): Pick<ItemPlan, 'ids' | 'known'> {
	const fromParameter = parseList(ctx.getNodeParameter('mediaId', itemIndex, ''));
	if (fromParameter.length) return { ids: [...new Set(fromParameter)] };
	const json = ctx.getInputData()[itemIndex]?.json ?? {};
	const fromItem = parseList(String(json.id ?? json.media_id ?? json.mediaId ?? ''));
	if (fromItem.length === 1 && json.id !== undefined && typeof json.media_type === 'string') {
		return { ids: fromItem, known: json };
	}
	if (fromItem.length) return { ids: [...new Set(fromItem)] };
	throw new NodeOperationError(ctx.getNode(), 'Invalid "Media IDs": a value is required', {
		itemIndex,
		description: 'Enter a media ID or a list of them, or leave it empty and give the node items that have an "id".',
	});
}

/**
 * Insights of the media of every input item, fetched together: all media of
 * all items are looked up and then asked for their insights in as few batches
 * as possible, and each item gets back its own rows, or its own error.
 */
export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	const at = momentOf(connection);
	const count = this.getInputData().length;
	const plans: Array<ItemPlan | undefined> = [];
	const errors = new Map<number, Error>();
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			plans.push({
				...mediaIdsOf(this, itemIndex),
				request: readInsightsRequest(this, itemIndex, at),
				fields: withRequiredFields(fieldsOption(this, itemIndex, MEDIA_ROW_FIELDS), MEDIA_TYPE_FIELDS),
				simplify: simplifyOf(this, itemIndex),
			});
		} catch (error) {
			plans.push(undefined);
			errors.set(itemIndex, error as Error);
		}
	}

	const media = new Map<number, IDataObject[]>();
	const results = new Map<number, ReturnType<typeof mediaRow>[] | IDataObject[]>();
	const live = plans.flatMap((plan, itemIndex) => (plan ? [{ plan, itemIndex }] : []));
	if (live.length) {
		try {
			const fanOut = { concurrency: concurrencyOf(this, live[0].itemIndex), settings: requestSettings(this, live[0].itemIndex) };
			// 1. Each media's type decides its metrics: look up at once those the input items do not describe.
			const lookupKeys = [
				...new Set(live.flatMap(({ plan }) => (plan.known ? [] : plan.ids.map((id) => `${id}?${plan.fields.join(',')}`)))),
			];
			const lookups = await fetchMany(
				this,
				connection,
				lookupKeys.map((key) => {
					const [id, fields] = key.split('?');
					return { path: encodeURIComponent(id), qs: { fields } };
				}),
				fanOut,
			);
			const lookupByKey = new Map(lookupKeys.map((key, position) => [key, lookups[position]]));
			const jobs: MediaInsightsJob[] = [];
			for (const { plan, itemIndex } of live) {
				const records: IDataObject[] = plan.known ? [plan.known] : [];
				for (const id of plan.known ? [] : plan.ids) {
					const lookup = lookupByKey.get(`${id}?${plan.fields.join(',')}`)!;
					if (!lookup.ok) {
						errors.set(itemIndex, apiErrorFrom(this, connection, lookup, itemIndex));
						break;
					}
					records.push(lookup.body);
				}
				if (errors.has(itemIndex)) continue;
				media.set(itemIndex, records);
				for (const record of records) jobs.push({ media: record, request: plan.request, itemIndex });
			}
			// 2. Insights of every media of every item, in as few batches as possible.
			const outcomes = await fetchMediaInsights(this, connection, jobs, { ...fanOut, at });
			const rows = new Map<number, IDataObject[]>();
			jobs.forEach((job, position) => {
				const outcome = outcomes[position];
				if (errors.has(job.itemIndex)) return;
				if (!outcome.ok) {
					errors.set(job.itemIndex, outcome.error);
					return;
				}
				const plan = plans[job.itemIndex]!;
				const row = plan.simplify
					? mediaRow(job.media, plan.fields, mediaMetricColumns(plan.request.selection, at), outcome.values)
					: outcome.raw;
				rows.set(job.itemIndex, [...(rows.get(job.itemIndex) ?? []), row]);
			});
			for (const [itemIndex, itemRows] of rows) results.set(itemIndex, itemRows);
		} catch (error) {
			// A failure that is not about one media (token, permission, throttling): every item has it.
			for (const { itemIndex } of live) if (!errors.has(itemIndex)) errors.set(itemIndex, error as Error);
		}
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const error = errors.get(itemIndex);
		if (error) {
			if (this.continueOnFail()) {
				output.push(errorItem(error, itemIndex));
				continue;
			}
			throw itemError(this, error, itemIndex);
		}
		output.push(...rowsToItems(results.get(itemIndex) ?? [], itemIndex));
	}
	return output;
}
