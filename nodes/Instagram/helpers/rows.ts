import type { IDataObject } from 'n8n-workflow';

import { flattenRow } from '../../shared/output';

/** The top-level name of a field expression: `children{id}` -> children, `insights.metric(x)` -> insights. */
export function fieldName(field: string): string {
	return field.split(/[{.(]/, 1)[0].trim();
}

/**
 * A flat row with the requested fields first, in the order asked, `null`
 * where the API left one out, then anything else it returned.
 */
export function orderedRow(record: IDataObject, fields: readonly string[]): IDataObject {
	const ordered: IDataObject = {};
	for (const field of fields.map(fieldName)) ordered[field] = record[field] ?? null;
	for (const [key, value] of Object.entries(record)) if (!(key in ordered)) ordered[key] = value;
	return flattenRow(ordered);
}

/** Numbers Meta (or a proxy) sent as strings become numbers; anything else stays as it is. */
export function metricValue(value: unknown): unknown {
	if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
	return value === undefined ? null : value;
}
