import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { DAY_MS, splitIntoWindows, toRfc3339Utc, toUnixSeconds } from '../../../shared/dates';
import { simplifyProperty } from '../../../shared/descriptions';
import { redactValue } from '../../../shared/errors';
import { mapWithConcurrency } from '../../../shared/limiter';
import { executePerItem } from '../../../shared/output';
import { requestDeps } from '../../../shared/request';
import { assertDateOrder, parseDateParameter, parseList } from '../../../shared/validation';
import { accountIdFor } from '../../helpers/account';
import { timeSeriesRows, totalValueRows } from '../../helpers/accountInsights';
import { accountMetricOptions, checkAccountMetrics } from '../../helpers/catalogue';
import { momentOf, requestSettings, simplifyOf } from '../../helpers/parameters';
import type { MetricType } from '../../metrics';
import { graphGet, type GraphConnection } from '../../transport';
import { accountLocator, optionsCollection } from '../common.descriptions';

/** Meta caps a since/until range of account insights at 30 days. */
const WINDOW_DAYS = 30;

const properties: INodeProperties[] = [
	accountLocator,
	{
		displayName: 'Metrics',
		name: 'metrics',
		type: 'multiOptions',
		options: accountMetricOptions('interaction'),
		default: ['reach'],
		required: true,
		description:
			'Account metrics to get. Metrics asked for together share one period and one metric type; only Reach, Follower Count and Online Followers come as a time series.',
	},
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Week', value: 'week' },
			{ name: '28 Days', value: 'days_28' },
			{ name: 'Lifetime', value: 'lifetime', description: 'For Online Followers' },
		],
		default: 'day',
	},
	{
		displayName: 'Metric Type',
		name: 'metricType',
		type: 'options',
		options: [
			{ name: 'Time Series', value: 'time_series', description: 'One value per period, e.g. per day' },
			{ name: 'Total Value', value: 'total_value', description: 'One total over the range, optionally broken down' },
		],
		default: 'time_series',
	},
	{
		displayName: 'Breakdown',
		name: 'breakdown',
		type: 'options',
		displayOptions: { show: { metricType: ['total_value'] } },
		options: [
			{ name: 'None', value: '' },
			{ name: 'Contact Button Type', value: 'contact_button_type', description: 'For Profile Links Taps' },
			{ name: 'Follow Type', value: 'follow_type', description: 'Followers and non-followers: Reach, Views, Follows and Unfollows' },
			{ name: 'Media Product Type', value: 'media_product_type', description: 'Feed, reels, stories and ads' },
		],
		default: '',
		description: 'Split the totals; each metric must support the breakdown',
	},
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		description: "Start of the range. Empty: Meta's default (the last day or two). Longer ranges than 30 days are split and joined.",
	},
	{
		displayName: 'Until',
		name: 'until',
		type: 'dateTime',
		default: '',
		description: 'End of the range; empty means now when Since is set',
	},
	simplifyProperty,
	optionsCollection([]),
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getInsights'] } }, properties);

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	const at = momentOf(connection);
	return await executePerItem(this, async (itemIndex) => {
		const node = this.getNode();
		const accountId = accountIdFor(this, connection, itemIndex);
		const metrics = [...new Set(parseList(this.getNodeParameter('metrics', itemIndex, [])))];
		if (!metrics.length) {
			throw new NodeOperationError(node, 'Invalid "Metrics": choose at least one metric', { itemIndex });
		}
		const period = String(this.getNodeParameter('period', itemIndex, 'day'));
		const metricType = String(this.getNodeParameter('metricType', itemIndex, 'time_series')) as MetricType;
		const breakdown =
			metricType === 'total_value' ? String(this.getNodeParameter('breakdown', itemIndex, '') ?? '').trim() : '';
		checkAccountMetrics(node, metrics, { period, metricType, breakdown: breakdown || undefined }, at, itemIndex);

		const timeZone = this.getTimezone();
		const sinceRef = { label: 'Since', itemIndex };
		const untilRef = { label: 'Until', itemIndex };
		let since = parseDateParameter(node, sinceRef, this.getNodeParameter('since', itemIndex, ''), { timeZone });
		let until = parseDateParameter(node, untilRef, this.getNodeParameter('until', itemIndex, ''), { timeZone });
		assertDateOrder(node, { ref: sinceRef, date: since }, { ref: untilRef, date: until });
		if (since || until) {
			until ??= new Date(requestDeps.now());
			since ??= new Date(until.getTime() - WINDOW_DAYS * DAY_MS);
			assertDateOrder(node, { ref: sinceRef, date: since }, { ref: untilRef, date: until });
		}
		const windows: Array<{ since?: Date; until?: Date }> =
			since && until
				? splitIntoWindows(since, until, WINDOW_DAYS).concat(since.getTime() === until.getTime() ? [{ since, until }] : [])
				: [{}];

		const settings = requestSettings(this, itemIndex);
		const bodies = await mapWithConcurrency(windows, 4, async (window) =>
			await graphGet(
				this,
				connection,
				`${encodeURIComponent(accountId)}/insights`,
				{
					metric: metrics.join(','),
					period,
					metric_type: metricType,
					breakdown: breakdown || undefined,
					since: window.since ? toUnixSeconds(window.since) : undefined,
					until: window.until ? toUnixSeconds(window.until) : undefined,
				},
				settings,
			),
		);

		// Meta's paging URLs carry the access token.
		if (!simplifyOf(this, itemIndex)) return bodies.map((body) => redactValue(body, connection.secrets) as IDataObject);
		if (metricType === 'time_series') return timeSeriesRows(bodies, metrics);
		return totalValueRows(
			bodies.map((body, index) => ({
				body,
				window: {
					since: windows[index].since ? toRfc3339Utc(windows[index].since!) : undefined,
					until: windows[index].until ? toRfc3339Utc(windows[index].until!) : undefined,
				},
			})),
			metrics,
			period,
		);
	});
}
