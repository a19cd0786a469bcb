import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

type Scalar = string | number | boolean | null;

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function flattenArray(values: unknown[]): Scalar {
	if (values.every((value) => value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
		return values.map((value) => (value === null ? '' : String(value))).join(', ');
	}
	return JSON.stringify(values);
}

/**
 * A row a spreadsheet takes as it is: nested objects become dotted columns
 * (`owner.username`), lists of values a comma-separated cell, lists of
 * objects a JSON cell, and anything missing `null` (never 0 or '').
 */
export function flattenRow(value: IDataObject, prefix = '', row: IDataObject = {}): IDataObject {
	for (const [key, inner] of Object.entries(value)) {
		const column = prefix ? `${prefix}.${key}` : key;
		if (inner === undefined || inner === null) row[column] = null;
		else if (inner instanceof Date) row[column] = inner.toISOString();
		else if (Array.isArray(inner)) row[column] = flattenArray(inner);
		else if (isPlainObject(inner)) {
			if (Object.keys(inner).length === 0) row[column] = null;
			else flattenRow(inner, column, row);
		} else row[column] = inner as Scalar;
	}
	return row;
}

/** Gives every row the same columns, in first-seen order, with `null` where a row has none. */
export function alignColumns(rows: IDataObject[]): IDataObject[] {
	const columns: string[] = [];
	const known = new Set<string>();
	for (const row of rows) {
		for (const key of Object.keys(row)) {
			if (!known.has(key)) {
				known.add(key);
				columns.push(key);
			}
		}
	}
	return rows.map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null])));
}

export type ItemResult = IDataObject | IDataObject[];

/** The item an error becomes under "Continue On Fail". */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeApiError).description;
	if (description) json.description = description;
	return { json, pairedItem: { item: itemIndex } };
}

/** Rethrows an item's error with its index, wrapped as n8n expects. */
export function itemError(ctx: IExecuteFunctions, error: Error, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error, { itemIndex });
}

/** Rows of one input item as output items, each paired with that input item. */
export function rowsToItems(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	const rows = Array.isArray(result) ? result : [result];
	return rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/**
 * The per-item loop every operation shares: run, pair every row with its
 * input item, and under "Continue On Fail" turn a failure into an error item
 * while the other items go on.
 */
export async function executePerItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			output.push(...rowsToItems(await run(itemIndex), itemIndex));
		} catch (error) {
			if (ctx.continueOnFail()) {
				output.push(errorItem(error as Error, itemIndex));
				continue;
			}
			throw itemError(ctx, error as Error, itemIndex);
		}
	}
	return output;
}
