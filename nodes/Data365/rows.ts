import type { IDataObject } from 'n8n-workflow';

import { alignColumns, flattenRow } from '../shared/output';
import { BOOLEAN_FIELDS, NUMERIC_FIELDS } from './fields';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ edges: [{ node }] }` becomes the list of nodes, at any depth. */
export function unwrapConnections(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(unwrapConnections);
	if (!isObject(value)) return value;
	if (Array.isArray(value.edges)) {
		return (value.edges as unknown[]).map((edge) =>
			unwrapConnections(isObject(edge) && 'node' in edge ? edge.node : edge),
		);
	}
	const copy: IDataObject = {};
	for (const [key, inner] of Object.entries(value)) copy[key] = unwrapConnections(inner) as IDataObject;
	return copy;
}

function coerce(key: string, value: unknown): unknown {
	if (NUMERIC_FIELDS.has(key) && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
		return Number(value);
	}
	if (BOOLEAN_FIELDS.has(key) && typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
		return value.trim().toLowerCase() === 'true';
	}
	if (BOOLEAN_FIELDS.has(key) && (value === 0 || value === 1)) return value === 1;
	// The seed types a caption as [String]: lines of one text, not a list of values.
	if (key === 'caption' && Array.isArray(value) && value.every((line) => typeof line === 'string')) {
		return value.join('\n');
	}
	return value;
}

function normalise(value: IDataObject): IDataObject {
	const copy: IDataObject = {};
	for (const [key, inner] of Object.entries(value)) {
		const coerced = coerce(key, inner);
		copy[key] = (isObject(coerced) ? normalise(coerced) : coerced) as IDataObject;
	}
	return copy;
}

/**
 * One flat row for a post, comment, profile or tag. `columns` (known for the
 * Graph API from the fields requested) come first and are always present,
 * `null` when Data365 left them out; an absent `owner` gives `owner.id: null`
 * rather than a lone `owner` column.
 */
export function simplifyRow(value: IDataObject, columns: string[] = []): IDataObject {
	const flat = flattenRow(normalise(unwrapConnections(value) as IDataObject));
	if (!columns.length) return flat;
	const row: IDataObject = {};
	for (const column of columns) row[column] = flat[column] ?? null;
	for (const [key, inner] of Object.entries(flat)) {
		if (key in row) continue;
		const isParentOfColumn = columns.some((column) => column.startsWith(`${key}.`));
		if (isParentOfColumn && inner === null) continue;
		row[key] = inner;
	}
	return row;
}

/**
 * Rows with the same columns. An object that is null in one row and has
 * values in another (`location`) keeps only its dotted columns, null where absent.
 */
export function simplifyRows(values: IDataObject[], columns: string[] = []): IDataObject[] {
	const rows = values.map((value) => simplifyRow(value, columns));
	const keys = new Set(rows.flatMap((row) => Object.keys(row)));
	const parents = [...keys].filter((key) => [...keys].some((other) => other.startsWith(`${key}.`)));
	for (const row of rows) {
		for (const parent of parents) if (row[parent] === null) delete row[parent];
	}
	return alignColumns(rows);
}
