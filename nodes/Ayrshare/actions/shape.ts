import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildApiError } from '../../shared/errors';
import { flattenRow, type ItemResult } from '../../shared/output';
import { parseList, requirePositiveInteger } from '../../shared/validation';
import { PLATFORM_NAMES } from '../platforms';
import { analyticsRow, errorRow, isPlainObject, readPlatformResults } from '../responses';
import { CREDENTIAL_TYPE, PROVIDER_NAME, SECRET_FIELDS } from '../transport';

/** Output shaping and input checks the operations share. */

export interface ShapeSettings {
	itemIndex: number;
	simplify: boolean;
	failOnPlatformError?: boolean;
}

/** The answer unchanged, as items (a bare array gives one item per element). */
export function unchanged(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.filter(isPlainObject);
	if (isPlainObject(body)) return [body];
	return body === undefined || body === null || body === '' ? [] : [{ data: body as string }];
}

async function credentialSecrets(ctx: IExecuteFunctions, itemIndex: number): Promise<string[]> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return SECRET_FIELDS.map((field) => credentials[field]).filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
}

/**
 * An analytics answer as output: with Simplify, one row per platform (one per
 * tweet of a thread), `{ platform, id, postUrl, ...analytics }`, and a row
 * `{ platform, error: { code, message } }` per platform Ayrshare could not
 * read; without, the answer unchanged. "Fail on Platform Error" turns a
 * platform's error into the item's error instead.
 */
export async function analyticsResult(
	ctx: IExecuteFunctions,
	body: unknown,
	settings: ShapeSettings,
): Promise<ItemResult> {
	const { entries, errors } = readPlatformResults(body);
	if (settings.failOnPlatformError && errors.length > 0) {
		const [first] = errors;
		const others = errors.length > 1 ? ` (and ${errors.length - 1} more platform error${errors.length > 2 ? 's' : ''})` : '';
		const where = first.platform ? `${PLATFORM_NAMES[first.platform] ?? first.platform}: ` : '';
		throw buildApiError(ctx.getNode(), {
			providerName: PROVIDER_NAME,
			message: `${where}${first.message}${others}`,
			code: first.code ?? undefined,
			hint: 'Ayrshare answered, but could not read this network. Check that the account is still linked in the Ayrshare dashboard (Facebook and Instagram may need re-linking to grant analytics permissions), or turn off "Fail on Platform Error" to get the error as a row.',
			body,
			itemIndex: settings.itemIndex,
			secrets: await credentialSecrets(ctx, settings.itemIndex),
		});
	}
	if (!settings.simplify) return unchanged(body);
	return [...entries.map(analyticsRow), ...errors.map(errorRow)];
}

/** List records as output: flat rows with Simplify, else as Ayrshare sent them. */
export function listResult(records: IDataObject[], simplify: boolean, extra: IDataObject = {}): IDataObject[] {
	if (!simplify) return records;
	return records.map((record) => {
		const row = flattenRow(record);
		const missing = Object.fromEntries(Object.entries(extra).filter(([key]) => !(key in row)));
		return { ...missing, ...row };
	});
}

/**
 * Platform names from a multi-select or an expression ("instagram, facebook"
 * or an array), lower-cased and checked against what the endpoint accepts.
 */
export function requirePlatforms(
	ctx: IExecuteFunctions,
	ref: { label: string; itemIndex: number },
	value: unknown,
	allowed: readonly string[],
	options: { required?: boolean; max?: number } = {},
): string[] {
	const platforms = [...new Set(parseList(value).map((platform) => platform.toLowerCase()))];
	const node = ctx.getNode();
	if (options.required && platforms.length === 0) {
		throw new NodeOperationError(node, `Invalid "${ref.label}": choose at least one platform`, {
			itemIndex: ref.itemIndex,
		});
	}
	const unknown = platforms.filter((platform) => !allowed.includes(platform));
	if (unknown.length > 0) {
		throw new NodeOperationError(
			node,
			`Invalid "${ref.label}": ${unknown.map((platform) => `"${platform}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not supported here`,
			{ itemIndex: ref.itemIndex, description: `Supported: ${allowed.join(', ')}.` },
		);
	}
	if (options.max !== undefined && platforms.length > options.max) {
		throw new NodeOperationError(node, `Invalid "${ref.label}": choose only ${options.max}`, {
			itemIndex: ref.itemIndex,
		});
	}
	return platforms;
}

/** Undefined with Return All on, else the checked Limit. */
export function listLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return requirePositiveInteger(ctx.getNode(), { label: 'Limit', itemIndex }, ctx.getNodeParameter('limit', itemIndex, 50));
}

/** Exactly `limit` records (all without one): Ayrshare's lists are not paged. */
export function cut<T>(records: T[], limit: number | undefined): T[] {
	return limit === undefined ? records : records.slice(0, limit);
}
