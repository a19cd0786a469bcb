/**
 * Insights for many media at once: each media asked only for what its type
 * supports (metrics.ts), all of them fanned out in Graph batches or parallel
 * GETs, and each answer read on its own, so one media's refusal never fails
 * the others.
 */
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildApiError } from '../../shared/errors';
import type { RequestContext, RequestSettings } from '../../shared/request';
import { parseList } from '../../shared/validation';
import { MEDIA_METRICS, type MediaBreakdown } from '../metrics';
import {
	apiErrorFrom,
	fetchMany,
	PROVIDER_NAME,
	type FailedCall,
	type GraphCall,
	type GraphConnection,
	type GraphError,
} from '../transport';
import {
	breakdownColumn,
	breakdownOf,
	checkChosenMediaMetrics,
	describeMediaType,
	mediaKindOf,
	planMediaMetrics,
	type ApiMoment,
	type MetricSelection,
} from './catalogue';
import { optionsOf } from './parameters';
import { metricValue } from './rows';

export type OnUnsupportedMetric = 'skip' | 'fail';

export interface InsightsRequest {
	selection: MetricSelection;
	onUnsupported: OnUnsupportedMetric;
}

export interface MediaInsightsJob {
	/** Holds at least id, media_type and media_product_type. */
	media: IDataObject;
	request: InsightsRequest;
	itemIndex: number;
}

export type MediaInsightsOutcome =
	| {
			ok: true;
			/** Metric -> value; null where the media has none. */
			values: IDataObject;
			/** Meta's insights answer unchanged (`{ data: [...] }`), for Simplify off. */
			raw: IDataObject;
	  }
	| { ok: false; error: Error };

/** Reads "Metrics" (and "On Unsupported Metric"), checking chosen metrics before any request. */
export function readInsightsRequest(ctx: IExecuteFunctions, itemIndex: number, at: ApiMoment): InsightsRequest {
	const chosen = parseList(ctx.getNodeParameter('metrics', itemIndex, ['auto']));
	const auto = chosen.length === 0 || chosen.includes('auto');
	if (!auto) checkChosenMediaMetrics(ctx.getNode(), chosen, at, itemIndex);
	const option = optionsOf(ctx, itemIndex).onUnsupportedMetric;
	return {
		selection: { auto, chosen: auto ? [] : [...new Set(chosen)] },
		onUnsupported: option === 'fail' ? 'fail' : 'skip',
	};
}

/** Meta's value of each metric in an insights answer; absent metrics are not set. */
export function readInsightValues(body: IDataObject): IDataObject {
	const values: IDataObject = {};
	const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	for (const entry of data) {
		if (!entry || typeof entry.name !== 'string') continue;
		const series = Array.isArray(entry.values) ? (entry.values as IDataObject[]) : [];
		const total = entry.total_value as IDataObject | undefined;
		const value = series.length ? series[series.length - 1]?.value : total?.value;
		values[entry.name] = metricValue(value) as IDataObject[string];
	}
	return values;
}

/**
 * Metric names an "unsupported" error names: `metric[2] must be one of ...`
 * points at one by index, otherwise the metric's name appears in the text.
 */
export function metricsNamedIn(error: GraphError, asked: string[]): string[] {
	const indexed = /metric\[(\d+)\]/.exec(error.message);
	if (indexed) {
		const metric = asked[Number(indexed[1])];
		return metric ? [metric] : [];
	}
	if (/following values/i.test(error.message)) return [];
	return asked.filter((metric) => new RegExp(`(^|[^a-z_])${metric}([^a-z_]|$)`).test(error.message));
}

/** No insights, and no failure: a story under Meta's viewer threshold, media from before the business conversion. */
function hasNoInsights(error: GraphError): boolean {
	return (error.code === 10 && /not enough viewers/i.test(error.message)) || error.subcode === 2108006 || error.subcode === 33;
}

function unsupportedByCatalogue(node: INode, metric: string, media: IDataObject, itemIndex: number): NodeOperationError {
	const kinds = MEDIA_METRICS.find((candidate) => candidate.name === metric)?.kinds ?? [];
	return new NodeOperationError(
		node,
		`The metric "${metric}" is not available for media ${String(media.id)} of type ${describeMediaType(media)}`,
		{
			itemIndex,
			description: `${kinds.length ? `Meta serves "${metric}" for ${kinds.join(', ')} media only. ` : ''}Set Options > On Unsupported Metric to Skip to leave it empty for such media.`,
		},
	);
}

const MAX_ROUNDS = 5;

interface Pending {
	job: number;
	metrics: string[];
	/** Asked on its own call, with `breakdown=` (stories). */
	breakdown?: MediaBreakdown;
}

/**
 * The values of a metric split by a breakdown, as `<prefix><value>` columns,
 * and the metric's own total (Meta's, or else the sum of its parts).
 */
export function readBreakdownValues(body: IDataObject, metric: string, breakdown: MediaBreakdown): IDataObject {
	const values: IDataObject = {};
	const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const entry = data.find((candidate) => candidate && candidate.name === metric);
	if (!entry) return values;
	const total = (entry.total_value ?? {}) as IDataObject;
	const breakdowns = Array.isArray(total.breakdowns) ? (total.breakdowns as IDataObject[]) : [];
	let sum: number | undefined;
	for (const split of breakdowns) {
		const keys = Array.isArray(split.dimension_keys) ? split.dimension_keys.map(String) : [breakdown.name];
		const position = Math.max(0, keys.indexOf(breakdown.name));
		const results = Array.isArray(split.results) ? (split.results as IDataObject[]) : [];
		for (const result of results) {
			const dimension = Array.isArray(result.dimension_values) ? result.dimension_values[position] : undefined;
			if (dimension === undefined || dimension === null) continue;
			const value = metricValue(result.value);
			const column = breakdownColumn(breakdown, dimension);
			const before = values[column];
			// Several results of one action (a split by more than one key) add up.
			values[column] = (typeof before === 'number' && typeof value === 'number' ? before + value : value) as IDataObject[string];
			if (typeof value === 'number') sum = (sum ?? 0) + value;
		}
	}
	const own = readInsightValues(body)[metric];
	values[metric] = own ?? (sum === undefined ? null : sum);
	return values;
}

/**
 * Fetches insights for every job. Per media: a chosen metric its type cannot
 * have is null (skip) or an error (fail) before anything is sent; a metric
 * Meta refuses at run time despite the catalogue is dropped and the rest asked
 * again; a story under the viewer threshold is all null. A failure that is not
 * about one media (token, permission, throttling past the cap) throws.
 *
 * With `withBreakdowns` (stories), a metric with a catalogue breakdown
 * (navigation) is asked on a call of its own with `breakdown=`, and its parts
 * become columns; if Meta refuses the breakdown, it is asked again without.
 */
export async function fetchMediaInsights(
	ctx: RequestContext,
	connection: GraphConnection,
	jobs: MediaInsightsJob[],
	options: { concurrency: number; settings: RequestSettings; at: ApiMoment; withBreakdowns?: boolean },
): Promise<MediaInsightsOutcome[]> {
	const node = ctx.getNode();
	const outcomes = new Array<MediaInsightsOutcome | undefined>(jobs.length);
	const values: IDataObject[] = jobs.map(() => ({}));
	const rawParts: IDataObject[][] = jobs.map(() => []);
	const failures = new Map<number, Error>();
	let pending: Pending[] = [];

	jobs.forEach((job, index) => {
		const { selection, onUnsupported } = job.request;
		const plan = planMediaMetrics(mediaKindOf(job.media), selection, options.at);
		if (plan.unsupported.length && onUnsupported === 'fail') {
			outcomes[index] = { ok: false, error: unsupportedByCatalogue(node, plan.unsupported[0], job.media, job.itemIndex) };
			return;
		}
		for (const metric of [...plan.send, ...plan.unsupported]) values[index][metric] = null;
		const split = options.withBreakdowns ? plan.send.filter((metric) => breakdownOf(metric)) : [];
		for (const metric of options.withBreakdowns ? [...plan.send, ...plan.unsupported] : []) {
			const breakdown = breakdownOf(metric);
			for (const value of breakdown?.values ?? []) values[index][breakdownColumn(breakdown!, value)] = null;
		}
		const together = plan.send.filter((metric) => !split.includes(metric));
		if (together.length) pending.push({ job: index, metrics: together });
		for (const metric of split) pending.push({ job: index, metrics: [metric], breakdown: breakdownOf(metric) });
		if (!plan.send.length) outcomes[index] = { ok: true, values: values[index], raw: { data: [] } };
	});

	for (let round = 0; pending.length && round < MAX_ROUNDS; round++) {
		// Two items asking the same media for the same metrics share one call.
		const keyOf = (entry: Pending) =>
			`${String(jobs[entry.job].media.id)}?${entry.metrics.join(',')}${entry.breakdown ? `&${entry.breakdown.name}` : ''}`;
		const keys = pending.map(keyOf);
		const unique = [...new Set(keys)];
		const calls: GraphCall[] = unique.map((key) => {
			const entry = pending[keys.indexOf(key)];
			return {
				path: `${encodeURIComponent(String(jobs[entry.job].media.id))}/insights`,
				qs: { metric: entry.metrics.join(','), ...(entry.breakdown ? { breakdown: entry.breakdown.name } : {}) },
			};
		});
		const results = await fetchMany(ctx, connection, calls, { concurrency: options.concurrency, settings: options.settings });
		const byKey = new Map(unique.map((key, position) => [key, results[position]]));
		const next: Pending[] = [];
		pending.forEach((entry, position) => {
			const job = jobs[entry.job];
			if (failures.has(entry.job)) return;
			const result = byKey.get(keys[position])!;
			if (result.ok) {
				Object.assign(
					values[entry.job],
					entry.breakdown ? readBreakdownValues(result.body, entry.metrics[0], entry.breakdown) : readInsightValues(result.body),
				);
				rawParts[entry.job].push(result.body);
				return;
			}
			const { error } = result;
			if (hasNoInsights(error)) {
				rawParts[entry.job].push((result.body ?? {}) as IDataObject);
				return;
			}
			const refused = error.code === 100 ? metricsNamedIn(error, entry.metrics) : [];
			if (!refused.length && entry.breakdown && error.code === 100) {
				ctx.logger?.debug(`${PROVIDER_NAME}: Meta refused the ${entry.breakdown.name} breakdown for media ${String(job.media.id)}; asking without`);
				next.push({ job: entry.job, metrics: entry.metrics });
				return;
			}
			if (!refused.length) {
				failures.set(entry.job, apiErrorFrom(ctx, connection, result, job.itemIndex));
				return;
			}
			if (!job.request.selection.auto && job.request.onUnsupported === 'fail') {
				failures.set(entry.job, refusedByMeta(ctx, connection, result, refused[0], job));
				return;
			}
			const remaining = entry.metrics.filter((metric) => !refused.includes(metric));
			ctx.logger?.debug(`${PROVIDER_NAME}: Meta refused ${refused.join(', ')} for media ${String(job.media.id)}; asking again without`);
			if (remaining.length) next.push({ ...entry, metrics: remaining });
		});
		pending = next;
	}
	for (const entry of pending) {
		if (failures.has(entry.job)) continue;
		failures.set(
			entry.job,
			new NodeOperationError(node, `Meta kept refusing metrics for media ${String(jobs[entry.job].media.id)}`, {
				itemIndex: jobs[entry.job].itemIndex,
			}),
		);
	}
	return jobs.map((_, index) => {
		const preset = outcomes[index];
		if (preset) return preset;
		const failure = failures.get(index);
		if (failure) return { ok: false, error: failure };
		const parts = rawParts[index];
		// One call per media (the usual case): Meta's answer as it came.
		const raw = parts.length === 1 ? parts[0] : { data: parts.flatMap((part) => (Array.isArray(part.data) ? (part.data as IDataObject[]) : [])) };
		return { ok: true, values: values[index], raw };
	});
}

function refusedByMeta(
	ctx: RequestContext,
	connection: GraphConnection,
	result: FailedCall,
	metric: string,
	job: MediaInsightsJob,
): Error {
	return buildApiError(ctx.getNode(), {
		message: `The metric "${metric}" is not available for media ${String(job.media.id)} of type ${describeMediaType(job.media)}: ${result.error.message}`,
		code: result.info.code,
		requestId: result.info.requestId,
		hint: 'Set Options > On Unsupported Metric to Skip to leave it empty for such media.',
		providerName: PROVIDER_NAME,
		httpCode: result.statusCode,
		body: result.body,
		itemIndex: job.itemIndex,
		secrets: connection.secrets,
	});
}
