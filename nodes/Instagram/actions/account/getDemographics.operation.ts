import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { executePerItem } from '../../../shared/output';
import { parseList } from '../../../shared/validation';
import { accountIdFor } from '../../helpers/account';
import { breakdownRows } from '../../helpers/accountInsights';
import { findAccountMetric, isRemovedAt, removalText } from '../../helpers/catalogue';
import { momentOf, requestSettings, simplifyOf } from '../../helpers/parameters';
import { DEMOGRAPHIC_TIMEFRAMES } from '../../metrics';
import { graphGet, type GraphConnection } from '../../transport';
import { accountLocator, optionsCollection } from '../common.descriptions';

const DIMENSIONS = ['age', 'city', 'country', 'gender'];

const properties: INodeProperties[] = [
	accountLocator,
	{
		displayName: 'Metric',
		name: 'metric',
		type: 'options',
		options: [
			{ name: 'Engaged Audience', value: 'engaged_audience_demographics', description: 'Who interacted with the content' },
			{ name: 'Followers', value: 'follower_demographics', description: 'Who follows the account' },
			{ name: 'Reached Audience', value: 'reached_audience_demographics', description: 'Who saw the content' },
		],
		default: 'follower_demographics',
	},
	{
		displayName: 'Breakdown',
		name: 'breakdown',
		type: 'multiOptions',
		options: [
			{ name: 'Age', value: 'age' },
			{ name: 'City', value: 'city' },
			{ name: 'Country', value: 'country' },
			{ name: 'Gender', value: 'gender' },
		],
		default: ['country'],
		required: true,
		description: 'Dimensions to split the audience by; with several, one row per combination (e.g. age and gender)',
	},
	{
		displayName: 'Timeframe',
		name: 'timeframe',
		type: 'options',
		options: [
			{ name: 'This Month', value: 'this_month' },
			{ name: 'This Week', value: 'this_week' },
		],
		default: 'this_month',
		description: 'Since API v20 Meta takes only these two',
	},
	simplifyProperty,
	optionsCollection([]),
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getDemographics'] } }, properties);

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	const at = momentOf(connection);
	return await executePerItem(this, async (itemIndex) => {
		const node = this.getNode();
		const accountId = accountIdFor(this, connection, itemIndex);
		const metric = String(this.getNodeParameter('metric', itemIndex, 'follower_demographics')).trim();
		const known = findAccountMetric(metric);
		const removal = known?.removed?.find((candidate) => isRemovedAt(candidate, at));
		if (removal) throw new NodeOperationError(node, `Invalid "Metric": ${removalText(metric, removal)}`, { itemIndex });
		if (known && known.family !== 'demographics') {
			throw new NodeOperationError(node, `Invalid "Metric": "${metric}" is not an audience metric`, {
				itemIndex,
				description: 'Use the Get Insights operation.',
			});
		}
		const breakdowns = [...new Set(parseList(this.getNodeParameter('breakdown', itemIndex, [])))];
		const wrong = breakdowns.find((breakdown) => !DIMENSIONS.includes(breakdown));
		if (!breakdowns.length || wrong) {
			throw new NodeOperationError(
				node,
				`Invalid "Breakdown": ${wrong ? `"${wrong}" is not one of age, city, country, gender` : 'choose at least one'}`,
				{ itemIndex },
			);
		}
		const timeframe = String(this.getNodeParameter('timeframe', itemIndex, 'this_month')).trim();
		if (!(DEMOGRAPHIC_TIMEFRAMES as readonly string[]).includes(timeframe)) {
			throw new NodeOperationError(node, `Invalid "Timeframe": "${timeframe}" is not one of this_month, this_week`, {
				itemIndex,
				description: 'Since API v20 Meta no longer takes last_14_days, last_30_days, last_90_days or prev_month.',
			});
		}
		const body = await graphGet(
			this,
			connection,
			`${encodeURIComponent(accountId)}/insights`,
			{ metric, period: 'lifetime', metric_type: 'total_value', breakdown: breakdowns.join(','), timeframe },
			requestSettings(this, itemIndex),
		);
		if (!simplifyOf(this, itemIndex)) return body;
		const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
		return data.flatMap((entry) => {
			const total = (entry.total_value ?? {}) as IDataObject;
			const found = Array.isArray(total.breakdowns) ? (total.breakdowns as IDataObject[]) : [];
			return breakdownRows(found, { metric: String(entry.name ?? metric), timeframe });
		});
	});
}
