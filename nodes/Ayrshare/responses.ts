import type { IDataObject } from 'n8n-workflow';

import { flattenRow } from '../shared/output';
import { KNOWN_PLATFORMS } from './platforms';

/**
 * Reading Ayrshare's response shapes. Analytics answers are keyed by
 * platform; a platform's value may be an object (`{ id, postUrl, analytics }`),
 * an array (an X/Twitter thread, one object per tweet, or several social
 * post IDs), or a per-platform error (`{ status: 'error', code, message }`).
 * Errors may also come as a top-level `errors: [{ platform, code, message }]`.
 */

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** One post or account of one platform, as Ayrshare returned it. */
export interface PlatformEntry {
	platform: string;
	data: IDataObject;
}

/** A platform Ayrshare could not read, inside an otherwise successful answer. */
export interface PlatformError {
	platform: string | null;
	/** The social post ID the error is about, when Ayrshare says. */
	id?: string;
	code: string | number | null;
	message: string;
}

export interface PlatformResults {
	entries: PlatformEntry[];
	errors: PlatformError[];
}

function errorMessage(value: IDataObject): string {
	const nested = isPlainObject(value.error) ? value.error : undefined;
	const candidates = [value.message, nested?.message, value.error, value.details];
	const found = candidates.find((candidate) => typeof candidate === 'string' && candidate.trim() !== '');
	return (found as string | undefined) ?? 'Ayrshare returned an error for this platform without a message';
}

function errorCode(value: IDataObject): string | number | null {
	const nested = isPlainObject(value.error) ? value.error : undefined;
	const code = value.code ?? nested?.code;
	return typeof code === 'string' || typeof code === 'number' ? code : null;
}

/** `{ status: 'error', ... }`, or an object that is only an error (no data beside it). */
function isErrorObject(value: IDataObject): boolean {
	if (String(value.status ?? '').toLowerCase() === 'error') return true;
	if (value.analytics !== undefined || value.postUrl !== undefined) return false;
	return value.error !== undefined && value.error !== null;
}

function toError(platform: string | null, value: IDataObject): PlatformError {
	const error: PlatformError = { platform, code: errorCode(value), message: errorMessage(value) };
	const id = value.id ?? value.postId;
	if (typeof id === 'string' || typeof id === 'number') error.id = String(id);
	return error;
}

function looksLikePlatformData(value: unknown): boolean {
	if (isPlainObject(value)) return value.analytics !== undefined;
	return Array.isArray(value) && value.length > 0 && value.every((element) => isPlainObject(element) && element.analytics !== undefined);
}

/** Keys of `body` that hold a platform's results. */
function platformKeys(body: IDataObject): string[] {
	return Object.keys(body).filter((key) => {
		const value = body[key];
		if (value === null || value === undefined) return false;
		if (KNOWN_PLATFORMS.has(key.toLowerCase())) return isPlainObject(value) || Array.isArray(value);
		return looksLikePlatformData(value);
	});
}

function readOne(body: IDataObject, results: PlatformResults): void {
	for (const key of platformKeys(body)) {
		const platform = key.toLowerCase();
		const value = body[key];
		const elements = Array.isArray(value) ? value : [value];
		for (const element of elements) {
			if (!isPlainObject(element)) continue;
			if (isErrorObject(element)) results.errors.push(toError(platform, element));
			else results.entries.push({ platform, data: element });
		}
	}
	const listed = Array.isArray(body.errors) ? body.errors : [];
	for (const item of listed) {
		if (!isPlainObject(item)) continue;
		const platform = typeof item.platform === 'string' ? item.platform.toLowerCase() : null;
		const error = toError(platform, item);
		const duplicate = results.errors.some(
			(known) => known.platform === error.platform && known.message === error.message && known.id === error.id,
		);
		if (!duplicate) results.errors.push(error);
	}
}

/** Every platform's results and errors of an analytics answer (one body, or an array of bodies). */
export function readPlatformResults(body: unknown): PlatformResults {
	const results: PlatformResults = { entries: [], errors: [] };
	const bodies = Array.isArray(body) ? body : [body];
	for (const one of bodies) if (isPlainObject(one)) readOne(one, results);
	return results;
}

/**
 * Whether a `status: "error"` answer still carries per-platform results, so
 * that it is a partial failure (some platforms failed) and not a failed call.
 */
export function hasPlatformResults(body: unknown): boolean {
	const { entries, errors } = readPlatformResults(body);
	if (entries.length > 0) return true;
	return errors.length > 0 && errors.every((error) => error.platform !== null);
}

/** Whether Ayrshare says the whole call failed (`status: "error"` with nothing per platform). */
export function isFailedCall(body: unknown): boolean {
	if (!isPlainObject(body)) return false;
	if (String(body.status ?? '').toLowerCase() !== 'error') return false;
	return !hasPlatformResults(body);
}

const NUMERIC = /^-?\d{1,15}(\.\d+)?$/;

/** Metric values that come as strings ("42") become numbers; everything else is kept. */
function numbersFromStrings(value: unknown): unknown {
	if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
	if (Array.isArray(value)) return value.map(numbersFromStrings);
	if (isPlainObject(value)) {
		return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, numbersFromStrings(inner)]));
	}
	return value;
}

function scalarOrNull(value: unknown): string | number | null {
	return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/**
 * `{ platform, id, postUrl, ...analytics }`: the platform's analytics as
 * columns, then any other field Ayrshare sent beside them (e.g. `lastUpdated`)
 * unless a metric already has that name.
 */
export function analyticsRow(entry: PlatformEntry): IDataObject {
	const { id, postUrl, analytics, ...rest } = entry.data;
	const row: IDataObject = { platform: entry.platform, id: scalarOrNull(id), postUrl: scalarOrNull(postUrl) };
	if (isPlainObject(analytics)) Object.assign(row, flattenRow(numbersFromStrings(analytics) as IDataObject));
	else if (analytics !== undefined) rest.analytics = analytics;
	for (const [column, value] of Object.entries(flattenRow(rest as IDataObject))) {
		if (!(column in row)) row[column] = value;
	}
	return row;
}

/** A per-platform error as an output row: `{ platform, error: { code, message } }` (+ `id` when known). */
export function errorRow(error: PlatformError): IDataObject {
	const row: IDataObject = { platform: error.platform };
	if (error.id !== undefined) row.id = error.id;
	row.error = { code: error.code, message: error.message };
	return row;
}

/**
 * The records of a list answer: a bare array, or the first of `keys` that
 * holds an array (`{ history: [...] }`, `{ posts: [...] }`, ...).
 */
export function readList(body: unknown, keys: readonly string[]): IDataObject[] {
	const records = Array.isArray(body)
		? body
		: isPlainObject(body)
			? (keys.map((key) => body[key]).find((value) => Array.isArray(value)) as unknown[] | undefined) ?? []
			: [];
	return records.filter(isPlainObject);
}
