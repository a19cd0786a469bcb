import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxWaitMsFrom } from '../../shared/descriptions';
import { requestDeps, type RequestSettings } from '../../shared/request';
import { parseList, requireIntegerInRange } from '../../shared/validation';
import { apiMoment, type ApiMoment } from './catalogue';
import { fieldName } from './rows';

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

/** The credential's API version and today's date, against which metric removals are read. */
export function momentOf(connection: { versionNumber: number }): ApiMoment {
	return apiMoment(connection.versionNumber, new Date(requestDeps.now()));
}

/** The media fields to ask for: the chosen ones plus those needed to choose metrics. */
export function withRequiredFields(fields: readonly string[], required: readonly string[]): string[] {
	const names = new Set(fields.map(fieldName));
	return [...fields, ...required.filter((field) => !names.has(field))];
}
