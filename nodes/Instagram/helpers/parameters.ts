import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxWaitMsFrom } from '../../shared/descriptions';
import type { RequestSettings } from '../../shared/request';
import { parseList, requireIntegerInRange } from '../../shared/validation';

export function optionsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
}

export function requestSettings(ctx: IExecuteFunctions, itemIndex: number): RequestSettings {
	return { itemIndex, maxWaitMs: maxWaitMsFrom(optionsOf(ctx, itemIndex) as { maxWaitSeconds?: number }) };
}

export function simplifyOf(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
}

export function concurrencyOf(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = optionsOf(ctx, itemIndex).concurrency;
	if (value === undefined || value === null || value === '') return 8;
	return requireIntegerInRange(ctx.getNode(), { label: 'Concurrency', itemIndex }, value, 1, 50);
}

/** A "fields" option: the chosen list (a multi-select, or text "a,b"), or the defaults. */
export function fieldsOption(ctx: IExecuteFunctions, itemIndex: number, defaults: readonly string[]): string[] {
	const chosen = parseList(optionsOf(ctx, itemIndex).fields);
	return chosen.length ? chosen : [...defaults];
}
