/** Account insights rows: time series by day, total values by metric, breakdowns by dimension value. */
import type { IDataObject } from 'n8n-workflow';

import { DAY_MS, toIsoDay } from '../../shared/dates';
import { flattenRow } from '../../shared/output';
import { graphTime, metricValue } from './rows';

function dataOf(body: IDataObject): IDataObject[] {
	return Array.isArray(body.data) ? (body.data as IDataObject[]).filter((entry) => entry && typeof entry === 'object') : [];
}

/**
 * One row per day: `date` plus one column per metric, null where a metric
 * has no value that day. Meta's `end_time` closes the period, so a daily
 * value ending 2025-06-02T07:00 is the value of 2025-06-01.
 */
export function timeSeriesRows(bodies: IDataObject[], metrics: string[]): IDataObject[] {
	const byDate = new Map<string, IDataObject>();
	for (const body of bodies) {
		for (const entry of dataOf(body)) {
			const name = String(entry.name ?? '');
			const values = Array.isArray(entry.values) ? (entry.values as IDataObject[]) : [];
			for (const point of values) {
				const end = graphTime(point?.end_time);
				if (Number.isNaN(end)) continue;
				const date = toIsoDay(new Date(end - DAY_MS));
				let row = byDate.get(date);
				if (!row) {
					row = { date, ...Object.fromEntries(metrics.map((metric) => [metric, null])) };
					byDate.set(date, row);
				}
				row[name] = metricValue(point.value) as IDataObject[string];
			}
		}
	}
	return [...byDate.keys()].sort().map((date) => flattenRow(byDate.get(date)!));
}

export interface Window {
	since?: string;
	until?: string;
}

/**
 * Total values: one row per metric and window, or with a breakdown one row
 * per dimension value. A metric Meta left out has a null value, never 0.
 */
export function totalValueRows(
	responses: Array<{ body: IDataObject; window: Window }>,
	metrics: string[],
	period: string,
): IDataObject[] {
	const rows: IDataObject[] = [];
	for (const { body, window } of responses) {
		const entries = new Map(dataOf(body).map((entry) => [String(entry.name ?? ''), entry]));
		for (const metric of metrics) {
			const base = { metric, period, since: window.since ?? null, until: window.until ?? null };
			const total = (entries.get(metric)?.total_value ?? undefined) as IDataObject | undefined;
			const breakdowns = Array.isArray(total?.breakdowns) ? (total.breakdowns as IDataObject[]) : [];
			if (!breakdowns.length) {
				rows.push({ ...base, value: metricValue(total?.value) as IDataObject[string] });
				continue;
			}
			rows.push(...breakdownRows(breakdowns, base));
		}
	}
	return rows;
}

/** `{ dimension_keys: [k...], results: [{ dimension_values: [v...], value }] }` -> `{ ...base, k: v, value }` rows. */
export function breakdownRows(breakdowns: IDataObject[], base: IDataObject): IDataObject[] {
	const rows: IDataObject[] = [];
	for (const breakdown of breakdowns) {
		const keys = Array.isArray(breakdown.dimension_keys) ? breakdown.dimension_keys.map(String) : [];
		const results = Array.isArray(breakdown.results) ? (breakdown.results as IDataObject[]) : [];
		for (const result of results) {
			const values = Array.isArray(result.dimension_values) ? result.dimension_values : [];
			const row: IDataObject = { ...base };
			keys.forEach((key, index) => (row[key] = values[index] === undefined ? null : (values[index] as IDataObject[string])));
			row.value = metricValue(result.value) as IDataObject[string];
			rows.push(row);
		}
	}
	return rows;
}
