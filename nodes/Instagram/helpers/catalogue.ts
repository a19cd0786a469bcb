/**
 * The rules that read the metric catalogue (metrics.ts): what a media of a
 * given kind can be asked for at the credential's API version, and the checks
 * that run on chosen metrics before any request.
 */
import type { IDataObject, INode, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	ACCOUNT_METRICS,
	MEDIA_METRICS,
	type AccountMetric,
	type Introduction,
	type MediaBreakdown,
	type MediaKind,
	type MediaMetric,
	type MetricType,
	type Removal,
} from '../metrics';

/** The API version in use and today's date: a removal applies from its version, or in every version from its date. */
export interface ApiMoment {
	versionNumber: number;
	/** YYYY-MM-DD, UTC. */
	today: string;
}

export function apiMoment(versionNumber: number, now: Date): ApiMoment {
	return { versionNumber, today: now.toISOString().slice(0, 10) };
}

function versionOf(version: string): number {
	return Number(version.replace(/^v/i, ''));
}

export function isRemovedAt(removal: Removal, at: ApiMoment): boolean {
	return at.versionNumber >= versionOf(removal.version) || at.today >= removal.date;
}

function isIntroducedAt(introduced: Introduction | undefined, at: ApiMoment): boolean {
	return !introduced || at.versionNumber >= versionOf(introduced.version);
}

export function findMediaMetric(name: string): MediaMetric | undefined {
	return MEDIA_METRICS.find((metric) => metric.name === name);
}

export function findAccountMetric(name: string): AccountMetric | undefined {
	return ACCOUNT_METRICS.find((metric) => metric.name === name);
}

function isServedAt(metric: MediaMetric, at: ApiMoment): boolean {
	return isIntroducedAt(metric.introduced, at) && !(metric.removed && isRemovedAt(metric.removed, at));
}

/**
 * The kind of a media for insights, from `media_product_type` (STORY, REELS)
 * and otherwise `media_type` (FEED and AD media).
 */
export function mediaKindOf(media: IDataObject): MediaKind | undefined {
	const product = String(media.media_product_type ?? '').toUpperCase();
	const type = String(media.media_type ?? '').toUpperCase();
	if (product === 'STORY') return 'STORY';
	if (product === 'REELS') return 'REELS';
	if (type === 'CAROUSEL_ALBUM' || type === 'IMAGE' || type === 'VIDEO') return type;
	return undefined;
}

/** "FEED VIDEO", "REELS", "STORY IMAGE": the media type as the user sees it in messages. */
export function describeMediaType(media: IDataObject): string {
	const product = media.media_product_type ? String(media.media_product_type) : undefined;
	const type = media.media_type ? String(media.media_type) : undefined;
	return [product, type].filter(Boolean).join(' ') || 'unknown type';
}

/** Media metrics Meta serves at this version, in catalogue (column) order. */
export function currentMediaMetrics(at: ApiMoment): string[] {
	return MEDIA_METRICS.filter((metric) => metric.kinds.length > 0 && isServedAt(metric, at)).map((metric) => metric.name);
}

const MEDIA_METRICS_FOR_EVERY_KIND = new Set(
	MEDIA_METRICS.filter(
		(metric) =>
			['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'REELS', 'STORY'].every((kind) => metric.kinds.includes(kind as MediaKind)) &&
			!metric.unconfirmedFor?.length,
	).map((metric) => metric.name),
);

/**
 * `auto`: every metric the kind supports at this version. A media of an
 * unknown kind gets the metrics every kind supports.
 */
export function autoMediaMetrics(kind: MediaKind | undefined, at: ApiMoment): string[] {
	return MEDIA_METRICS.filter(
		(metric) =>
			isServedAt(metric, at) && (kind ? metric.kinds.includes(kind) : MEDIA_METRICS_FOR_EVERY_KIND.has(metric.name)),
	).map((metric) => metric.name);
}

export interface MetricSelection {
	auto: boolean;
	/** Chosen names (empty with auto). */
	chosen: string[];
}

export interface MetricPlan {
	/** Metrics to ask Meta for. */
	send: string[];
	/** Chosen metrics the catalogue says this media cannot have. */
	unsupported: string[];
}

/**
 * What to ask for one media. A chosen metric unknown to the catalogue (one
 * Meta added after this node was released) is sent as it is; Meta's answer
 * decides.
 */
export function planMediaMetrics(kind: MediaKind | undefined, selection: MetricSelection, at: ApiMoment): MetricPlan {
	if (selection.auto) return { send: autoMediaMetrics(kind, at), unsupported: [] };
	const send: string[] = [];
	const unsupported: string[] = [];
	for (const name of selection.chosen) {
		const metric = findMediaMetric(name);
		if (!metric || !kind || (metric.kinds.includes(kind) && isServedAt(metric, at))) send.push(name);
		else unsupported.push(name);
	}
	return { send, unsupported };
}

/** The metric columns of media rows: stable across runs, so a sheet keeps its header. */
export function mediaMetricColumns(selection: MetricSelection, at: ApiMoment): string[] {
	return selection.auto ? currentMediaMetrics(at) : selection.chosen;
}

/** `TAP_FORWARD` of navigation -> `navigation_tap_forward`; any value Meta adds gets a column the same way. */
export function breakdownColumn(breakdown: MediaBreakdown, value: unknown): string {
	const clean = String(value ?? '')
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return `${breakdown.columnPrefix}${clean || 'unknown'}`;
}

/** The breakdown a metric is split by in story rows, if any. */
export function breakdownOf(metric: string): MediaBreakdown | undefined {
	return findMediaMetric(metric)?.breakdown;
}

/** Metric columns followed, for a metric with a breakdown, by one column per documented value. */
export function withBreakdownColumns(metrics: readonly string[]): string[] {
	return metrics.flatMap((metric) => {
		const breakdown = breakdownOf(metric);
		return breakdown ? [metric, ...breakdown.values.map((value) => breakdownColumn(breakdown, value))] : [metric];
	});
}

/** The metric columns of story rows: the story metrics (auto) or the chosen ones, with the navigation columns. */
export function storyMetricColumns(selection: MetricSelection, at: ApiMoment): string[] {
	return withBreakdownColumns(selection.auto ? autoMediaMetrics('STORY', at) : selection.chosen);
}

function quoteList(names: string[]): string {
	const quoted = names.map((name) => `"${name}"`);
	return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export function removalText(name: string, removal: Removal): string {
	const scope = removal.metricType ? ` as ${removal.metricType === 'time_series' ? 'a time series' : 'a total value'}` : '';
	const others = removal.replacedBy.filter((replacement) => replacement !== name);
	const replacement =
		removal.metricType && others.length < removal.replacedBy.length
			? `ask for it with Metric Type "${removal.metricType === 'time_series' ? 'Total Value' : 'Time Series'}"${others.length ? `, or use ${quoteList(others)},` : ''} instead`
			: `use ${quoteList(removal.replacedBy)}${removal.note ? ` (${removal.note})` : ''} instead`;
	return `Meta removed the metric "${name}"${scope} from API ${removal.version}, and from every version on ${removal.date}: ${replacement}`;
}

function invalidMetric(node: INode, label: string, message: string, itemIndex?: number, description?: string) {
	return new NodeOperationError(node, `Invalid "${label}": ${message}`, { itemIndex, description });
}

/** Before any request: a removed or not-yet-served media metric is an error naming its replacement. */
export function checkChosenMediaMetrics(
	node: INode,
	names: string[],
	at: ApiMoment,
	itemIndex: number,
	label = 'Metrics',
): void {
	for (const name of names) {
		const metric = findMediaMetric(name);
		if (!metric) continue;
		if (metric.removed && isRemovedAt(metric.removed, at)) {
			throw invalidMetric(node, label, removalText(name, metric.removed), itemIndex);
		}
		if (!isIntroducedAt(metric.introduced, at)) {
			throw invalidMetric(
				node,
				label,
				`the metric "${name}" is served from API ${metric.introduced?.version}, and the credential uses v${at.versionNumber.toFixed(1)}`,
				itemIndex,
				'Raise the API Version in the credential.',
			);
		}
	}
}

export interface AccountQueryShape {
	period: string;
	metricType: MetricType;
	breakdown?: string;
}

/**
 * Before any request: each chosen account metric must be served at this
 * version and accept the period, metric type and breakdown (Meta fails the
 * whole call otherwise). Metrics unknown to the catalogue pass through.
 */
export function checkAccountMetrics(
	node: INode,
	names: string[],
	shape: AccountQueryShape,
	at: ApiMoment,
	itemIndex: number,
): void {
	for (const name of names) {
		const metric = findAccountMetric(name);
		if (!metric) continue;
		const removal = metric.removed?.find(
			(candidate) => (!candidate.metricType || candidate.metricType === shape.metricType) && isRemovedAt(candidate, at),
		);
		if (removal) throw invalidMetric(node, 'Metrics', removalText(name, removal), itemIndex);
		if (metric.family === 'demographics') {
			throw invalidMetric(node, 'Metrics', `"${name}" is an audience metric`, itemIndex, 'Use the Get Demographics operation.');
		}
		if (!metric.periods.includes(shape.period as never)) {
			throw invalidMetric(
				node,
				'Period',
				`"${name}" works with ${quoteList(metric.periods)}, not "${shape.period}"`,
				itemIndex,
				'Metrics asked for together share one period: split them over two nodes.',
			);
		}
		if (!metric.metricTypes.includes(shape.metricType)) {
			throw invalidMetric(
				node,
				'Metric Type',
				`"${name}" works with ${quoteList(metric.metricTypes)}, not "${shape.metricType}"`,
				itemIndex,
				'Metrics asked for together share one metric type: split them over two nodes.',
			);
		}
		if (shape.breakdown && !metric.breakdowns.includes(shape.breakdown as never)) {
			throw invalidMetric(
				node,
				'Breakdown',
				metric.breakdowns.length
					? `"${name}" can be broken down by ${quoteList(metric.breakdowns)}, not "${shape.breakdown}"`
					: `"${name}" has no breakdown`,
				itemIndex,
			);
		}
	}
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

/** Options of the media "Metrics" parameter: auto, then the current metrics. */
export function mediaMetricOptions(): INodePropertyOptions[] {
	const metrics = MEDIA_METRICS.filter((metric) => !metric.removed)
		.map((metric) => ({ name: metric.displayName, value: metric.name, description: metric.description }))
		.sort(byName);
	return [
		{ name: 'Auto (Every Metric the Media Supports)', value: 'auto', description: 'Ask each media for every metric its type supports' },
		...metrics,
	];
}

/** Options of a story "Metrics" parameter: auto, then the metrics Meta serves for stories. */
export function storyMetricOptions(): INodePropertyOptions[] {
	const metrics = MEDIA_METRICS.filter((metric) => !metric.removed && metric.kinds.includes('STORY'))
		.map((metric) => ({
			name: metric.displayName,
			value: metric.name,
			description: metric.breakdown
				? `${metric.description}; one column per ${metric.breakdown.name} value too`
				: metric.description,
		}))
		.sort(byName);
	return [
		{ name: 'Auto (Every Story Metric)', value: 'auto', description: 'Every metric Meta serves for stories at the API version in use' },
		...metrics,
	];
}

export function accountMetricOptions(family: AccountMetric['family']): INodePropertyOptions[] {
	return ACCOUNT_METRICS.filter((metric) => metric.family === family && metric.metricTypes.length > 0)
		.map((metric) => ({ name: metric.displayName, value: metric.name, description: metric.description }))
		.sort(byName);
}
