import type { IDataObject } from 'n8n-workflow';

/**
 * Haiilo Share's share fields are undocumented (the KB only says each share
 * carries its network name and a `sharerId`), so every reader here accepts
 * several spellings, compared without case, `_` or `-` (`createdAt`,
 * `CreatedAt`, `created_at` are one key).
 */

// Shares repeat the same few keys: each is normalised once (bounded, in case of odd data).
const normalisedKeys = new Map<string, string>();

export function normaliseKey(key: string): string {
	let normalised = normalisedKeys.get(key);
	if (normalised === undefined) {
		normalised = key.toLowerCase().replace(/[\s_-]/g, '');
		if (normalisedKeys.size < 1000) normalisedKeys.set(key, normalised);
	}
	return normalised;
}

const ID_KEYS = ['id', 'shareid', 'shareguid', 'uuid'];
const CREATED_KEYS = [
	'createdat',
	'created',
	'createdtime',
	'createddate',
	'creationdate',
	'sharedat',
	'sharedate',
	'sharedtime',
	'date',
	'timestamp',
	'time',
];
/** Keys that can only mean the social network the share went to: any value is trusted. */
const NETWORK_KEYS = [
	'network',
	'networkname',
	'socialnetwork',
	'socialnetworkname',
	'networktype',
	'socialmedia',
	'platform',
	'networks',
];
/**
 * Keys that may name the network, but in Haiilo Share a "channel" is also a
 * content category ("Company News"): their value is trusted only when it
 * names a known or chosen network.
 */
const CHANNEL_KEYS = ['channel', 'channelname', 'channeltype', 'channels'];

/** Keys of a nested network object that hold its name: `{ network: { name } }`. */
const NAME_KEYS = ['name', 'displayname', 'title', 'label', 'type', 'value'];

function isPresent(value: unknown): boolean {
	return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

function presentFields(share: IDataObject): Map<string, unknown> {
	const byKey = new Map<string, unknown>();
	for (const [key, value] of Object.entries(share)) {
		const normalised = normaliseKey(key);
		if (!byKey.has(normalised) && isPresent(value)) byKey.set(normalised, value);
	}
	return byKey;
}

/** The first present value among `keys` (in their order of preference). */
function fieldValue(share: IDataObject, keys: readonly string[]): unknown {
	const byKey = presentFields(share);
	for (const key of keys) if (byKey.has(key)) return byKey.get(key);
	return undefined;
}

export function shareId(share: IDataObject): string | undefined {
	const value = fieldValue(share, ID_KEYS);
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

/** Milliseconds since the epoch from an RFC 3339 string, or UNIX seconds or milliseconds. */
export function parseTimestamp(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d{9,13}(\.\d+)?$/.test(text)) return parseTimestamp(Number(text));
	const parsed = Date.parse(text);
	return Number.isNaN(parsed) ? undefined : parsed;
}

export function shareCreatedAt(share: IDataObject): number | undefined {
	return parseTimestamp(fieldValue(share, CREATED_KEYS));
}

function namesIn(value: unknown): string[] {
	if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
	if (typeof value === 'number') return [String(value)];
	if (Array.isArray(value)) return value.flatMap(namesIn);
	if (value && typeof value === 'object') {
		const name = fieldValue(value as IDataObject, NAME_KEYS);
		return name === undefined ? [] : namesIn(name);
	}
	return [];
}

/**
 * The network names a share's own fields give, as written by the API:
 * `network*` fields first; `channel*` fields only for names `isNetworkName`
 * accepts. Empty when the share has no such field.
 */
export function shareNetworkNames(share: IDataObject, isNetworkName: (name: string) => boolean): string[] {
	const byKey = presentFields(share);
	for (const key of NETWORK_KEYS) {
		const names = namesIn(byKey.get(key));
		if (names.length) return names;
	}
	for (const key of CHANNEL_KEYS) {
		const names = namesIn(byKey.get(key)).filter(isNetworkName);
		if (names.length) return names;
	}
	return [];
}
