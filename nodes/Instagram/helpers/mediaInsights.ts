/**
 * Insights for many media at once: each media asked only for what its type
 * supports (metrics.ts), all of them fanned out in Graph batches or parallel
 * GETs, and each answer read on its own, so one media's refusal never fails
 * the others.
 */
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildApiError } from '../../shared/errors';
import type { RequestSettings } from '../../shared/request';
import { parseList } from '../../shared/validation';
import { MEDIA_METRICS } from '../metrics';
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
}

/**
 * Fetches insights for every job. Per media: a chosen metric its type cannot
 * have is null (skip) or an error (fail) before anything is sent; a metric
 * Meta refuses at run time despite the catalogue is dropped and the rest asked
 * again; a story under the viewer threshold is all null. A failure that is not
 * about one media (token, permission, throttling past the cap) throws.
 */
export async function fetchMediaInsights(
	ctx: IExecuteFunctions,
	connection: GraphConnection,
	jobs: MediaInsightsJob[],
	options: { concurrency: number; settings: RequestSettings; at: ApiMoment },
): Promise<MediaInsightsOutcome[]> {
	const node = ctx.getNode();
	const outcomes = new Array<MediaInsightsOutcome>(jobs.length);
	const values: IDataObject[] = jobs.map(() => ({}));
	let pending: Pending[] = [];

	jobs.forEach((job, index) => {
		const { selection, onUnsupported } = job.request;
		const plan = planMediaMetrics(mediaKindOf(job.media), selection, options.at);
		if (plan.unsupported.length && onUnsupported === 'fail') {
			outcomes[index] = { ok: false, error: unsupportedByCatalogue(node, plan.unsupported[0], job.media, job.itemIndex) };
			return;
		}
		for (const metric of [...plan.send, ...plan.unsupported]) values[index][metric] = null;
		if (plan.send.length) pending.push({ job: index, metrics: plan.send });
		else outcomes[index] = { ok: true, values: values[index], raw: { data: [] } };
	});

	for (let round = 0; pending.length && round < MAX_ROUNDS; round++) {
		// Two items asking the same media for the same metrics share one call.
		const keys = pending.map((entry) => `${String(jobs[entry.job].media.id)}?${entry.metrics.join(',')}`);
		const unique = [...new Set(keys)];
		const calls: GraphCall[] = unique.map((key) => {
			const [id, metrics] = key.split('?');
			return { path: `${encodeURIComponent(id)}/insights`, qs: { metric: metrics } };
		});
		const results = await fetchMany(ctx, connection, calls, { concurrency: options.concurrency, settings: options.settings });
		const byKey = new Map(unique.map((key, position) => [key, results[position]]));
		const next: Pending[] = [];
		pending.forEach((entry, position) => {
			const job = jobs[entry.job];
			const result = byKey.get(keys[position])!;
			if (result.ok) {
				Object.assign(values[entry.job], readInsightValues(result.body));
				outcomes[entry.job] = { ok: true, values: values[entry.job], raw: result.body };
				return;
			}
			const { error } = result;
			if (hasNoInsights(error)) {
				outcomes[entry.job] = { ok: true, values: values[entry.job], raw: (result.body ?? {}) as IDataObject };
				return;
			}
			const refused = error.code === 100 ? metricsNamedIn(error, entry.metrics) : [];
			if (!refused.length) {
				outcomes[entry.job] = { ok: false, error: apiErrorFrom(ctx, connection, result, job.itemIndex) };
				return;
			}
			if (!job.request.selection.auto && job.request.onUnsupported === 'fail') {
				outcomes[entry.job] = { ok: false, error: refusedByMeta(ctx, connection, result, refused[0], job) };
				return;
			}
			const remaining = entry.metrics.filter((metric) => !refused.includes(metric));
			ctx.logger?.debug(`${PROVIDER_NAME}: Meta refused ${refused.join(', ')} for media ${String(job.media.id)}; asking again without`);
			if (remaining.length) next.push({ job: entry.job, metrics: remaining });
			else outcomes[entry.job] = { ok: true, values: values[entry.job], raw: { data: [] } };
		});
		pending = next;
	}
	for (const entry of pending) {
		outcomes[entry.job] = {
			ok: false,
			error: new NodeOperationError(node, `Meta kept refusing metrics for media ${String(jobs[entry.job].media.id)}`, {
				itemIndex: jobs[entry.job].itemIndex,
			}),
		};
	}
	return outcomes;
}

function refusedByMeta(
	ctx: IExecuteFunctions,
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
