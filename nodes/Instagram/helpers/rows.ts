import type { IDataObject } from 'n8n-workflow';

import { flattenRow } from '../../shared/output';

/** The top-level name of a field expression: `children{id}` -> children, `insights.metric(x)` -> insights. */
export function fieldName(field: string): string {
	return field.split(/[{.(]/, 1)[0].trim();
}

/** The requested fields first, in the order asked, `null` where the API left one out, then anything else. */
export function orderFields(record: IDataObject, fields: readonly string[]): IDataObject {
	const ordered: IDataObject = {};
	for (const field of fields.map(fieldName)) ordered[field] = record[field] ?? null;
	for (const [key, value] of Object.entries(record)) if (!(key in ordered)) ordered[key] = value;
	return ordered;
}

/** A flat row of `record` with `fields` first. */
export function orderedRow(record: IDataObject, fields: readonly string[]): IDataObject {
	return flattenRow(orderFields(record, fields));
}

/** A media row: its fields, then one column per metric (null where the media has none). */
export function mediaRow(
	media: IDataObject,
	fields: readonly string[],
	metricColumns: readonly string[] = [],
	values: IDataObject = {},
): IDataObject {
	const row = orderFields(media, fields);
	for (const metric of metricColumns) row[metric] = values[metric] ?? null;
	return flattenRow(row);
}

/** Numbers Meta (or a proxy) sent as strings become numbers; anything else stays as it is. */
export function metricValue(value: unknown): unknown {
	if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
	return value === undefined ? null : value;
}

/** Meta's ISO time with a `+0000` offset, or anything Date.parse takes, in ms; NaN otherwise. */
export function graphTime(value: unknown): number {
	if (typeof value !== 'string') return Number.NaN;
	return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** Stories live 24 hours after their `timestamp`; so do their insights. */
export const STORY_LIFETIME_MS = 24 * 3_600_000;

/** When a story (and its insights) disappears, from its `timestamp`; null when Meta left the time out. */
export function storyExpiresAt(story: IDataObject): string | null {
	const posted = graphTime(story.timestamp);
	return Number.isNaN(posted) ? null : new Date(posted + STORY_LIFETIME_MS).toISOString();
}

/**
 * A story row: its fields, `expires_at`, any `extra` columns, then one column
 * per metric (null where the story has none), then columns Meta added that
 * the catalogue does not list (a new navigation action, say).
 */
export function storyRow(
	story: IDataObject,
	fields: readonly string[],
	metricColumns: readonly string[] = [],
	values: IDataObject = {},
	extra: IDataObject = {},
): IDataObject {
	const row = orderFields(story, fields);
	row.expires_at = storyExpiresAt(story);
	Object.assign(row, extra);
	for (const metric of metricColumns) row[metric] = values[metric] ?? null;
	for (const [column, value] of Object.entries(values)) if (!(column in row)) row[column] = value;
	return flattenRow(row);
}
