import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertDateOrder, parseDateParameter, parseList, type ParameterRef } from '../shared/validation';

import { networkOptions, networkTargets, NetworkClassifier } from './networks';
import type { ShareRange } from './transport';

/** Parameters the node's operations and the trigger share, and how they are read. */

export const instagramNotice: INodeProperties = {
	displayName:
		'Instagram shares are an approximation: Haiilo Share counts one when a user taps Share to > Instagram in the mobile app, even if they then do not post it on Instagram',
	name: 'instagramNotice',
	type: 'notice',
	default: '',
};

export const dateRangeProperties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		description:
			'Only shares made at or after this time (sent to Haiilo Share as RFC 3339 in UTC). Leave empty for no lower bound.',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: 'Only shares made at or before this time. Leave empty for no upper bound.',
	},
];

export const networkProperties: INodeProperties[] = [
	{
		displayName: 'Networks',
		name: 'networks',
		type: 'multiOptions',
		options: networkOptions,
		default: [],
		description: 'Only shares to these networks. Leave empty (and Other Networks too) for every network.',
	},
	{
		displayName: 'Other Networks',
		name: 'otherNetworks',
		type: 'string',
		default: '',
		placeholder: 'e.g. Weibo, Mastodon',
		description: 'Names of networks not in the list, separated by commas. Matched without regard to case.',
	},
];

function readDate(ctx: IExecuteFunctions, name: string, ref: ParameterRef): Date | undefined {
	const value = ctx.getNodeParameter(name, ref.itemIndex ?? 0, '');
	return parseDateParameter(ctx.getNode(), ref, value, { timeZone: ctx.getTimezone() });
}

export function readShareRange(ctx: IExecuteFunctions, itemIndex: number): ShareRange {
	const node = ctx.getNode();
	const fromRef = { label: 'From', itemIndex };
	const toRef = { label: 'To', itemIndex };
	const from = readDate(ctx, 'from', fromRef);
	const to = readDate(ctx, 'to', toRef);
	assertDateOrder(node, { ref: fromRef, date: from }, { ref: toRef, date: to });
	return { from, to };
}

/** `Networks` and `Other Networks` as a classifier (which filters nothing when both are empty). */
export function networkClassifier(networks: unknown, otherNetworks: unknown): NetworkClassifier {
	const selected = parseList(networks);
	// Free-text names may hold spaces ("Google Business"): split on commas only.
	const typed = typeof otherNetworks === 'string' ? otherNetworks.split(/[,;\n]+/) : parseList(otherNetworks);
	return new NetworkClassifier(networkTargets(selected, typed.map((name) => String(name).trim())));
}

/** The `from`/`to` of an output row: the ISO time sent, or null when not given. */
export function rangeColumns(range: ShareRange): IDataObject & { from: string | null; to: string | null } {
	return { from: range.from?.toISOString() ?? null, to: range.to?.toISOString() ?? null };
}
