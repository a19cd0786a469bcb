import type { INodeProperties } from 'n8n-workflow';

/** Parameters every list operation shares, worded as n8n's linter expects. */

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return flat rows (one column per value, missing values as null) instead of the raw API response',
};

export const DEFAULT_MAX_WAIT_SECONDS = 120;

/** An entry for an operation's "Options" collection. */
export const maxWaitOption: INodeProperties = {
	displayName: 'Max Wait on Rate Limit (Seconds)',
	name: 'maxWaitSeconds',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_MAX_WAIT_SECONDS,
	description:
		'Longest wait the node accepts when the provider asks it to slow down. A longer wait fails at once and says when access returns.',
};

/** The cap in milliseconds from an options collection holding `maxWaitOption`. */
export function maxWaitMsFrom(options: { maxWaitSeconds?: number } | undefined): number {
	const seconds = options?.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS;
	return Math.max(0, seconds) * 1000;
}
