import type { IDataObject } from 'n8n-workflow';

import { headerValue, parseRetryAfter } from '../shared/retry';

/**
 * Reading Ayrshare's rate-limit headers. Ayrshare allows about 250-300 calls
 * per 5-minute window per profile and suspends a profile after 1,000
 * rate-limited (429) calls in a day, so every wait errs on the long side.
 *
 * Headers, as Ayrshare documents them:
 * - `x-ratelimit-max`: calls allowed in the current 5-minute window;
 * - `x-ratelimit-count`: calls made in the current window;
 * - older docs: `x-ratelimit-remaining`, and `x-ratelimit-reset`, "the time in
 *   milliseconds remaining before the reset".
 *
 * `x-ratelimit-reset` is read as follows, because proxies and emulators also
 * send the common conventions:
 * - above 1e12: a UNIX time in milliseconds;
 * - above 1e9: a UNIX time in seconds;
 * - above 300 (longer than the whole window if it were seconds): milliseconds
 *   remaining, Ayrshare's documented unit;
 * - 300 or less: seconds remaining (read as milliseconds it would mean the
 *   window had all but reset; reading it as seconds waits longer, which is
 *   the safe side);
 * - an HTTP date is read as a date.
 */

export const RATE_LIMIT_WINDOW_MS = 5 * 60_000;

function numberHeader(headers: IDataObject, name: string): number | undefined {
	const value = headerValue(headers, name);
	if (value === undefined || value.trim() === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

/** Milliseconds until the window resets, from `x-ratelimit-reset`; undefined without one. */
export function resetInMs(headers: IDataObject, now: number): number | undefined {
	const raw = headerValue(headers, 'x-ratelimit-reset');
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = Number(raw.trim());
	if (!Number.isFinite(value)) {
		const date = Date.parse(raw);
		return Number.isNaN(date) ? undefined : Math.max(0, date - now);
	}
	if (value > 1e12) return Math.max(0, Math.round(value - now));
	if (value > 1e9) return Math.max(0, Math.round(value * 1000 - now));
	if (value > 300) return Math.round(value);
	return Math.max(0, Math.round(value * 1000));
}

/** Whether the headers say the window's calls are all used. */
export function windowExhausted(headers: IDataObject): boolean {
	const remaining = numberHeader(headers, 'x-ratelimit-remaining');
	if (remaining !== undefined) return remaining <= 0;
	const max = numberHeader(headers, 'x-ratelimit-max') ?? numberHeader(headers, 'x-ratelimit-limit');
	const count = numberHeader(headers, 'x-ratelimit-count');
	return max !== undefined && count !== undefined && count >= max;
}

function hasWindowHeaders(headers: IDataObject): boolean {
	return (
		numberHeader(headers, 'x-ratelimit-max') !== undefined ||
		numberHeader(headers, 'x-ratelimit-limit') !== undefined ||
		numberHeader(headers, 'x-ratelimit-count') !== undefined ||
		numberHeader(headers, 'x-ratelimit-remaining') !== undefined
	);
}

/**
 * How long to wait after a 429: `Retry-After` first, then `x-ratelimit-reset`,
 * then, when only the window's counters are sent, the whole 5-minute window
 * (the window's start is not known, so its end can be up to 5 minutes away).
 * Undefined when the response says nothing about time.
 */
export function rateLimitWaitMs(headers: IDataObject, now: number): number | undefined {
	const retryAfter = parseRetryAfter(headerValue(headers, 'retry-after'), now);
	if (retryAfter !== undefined) return retryAfter;
	const reset = resetInMs(headers, now);
	if (reset !== undefined) return reset;
	return hasWindowHeaders(headers) ? RATE_LIMIT_WINDOW_MS : undefined;
}

/**
 * After a successful call that used the window's last call: how long until
 * the next call may go, so the node waits instead of drawing a 429.
 */
export function exhaustedForMs(headers: IDataObject, now: number): number | undefined {
	if (!windowExhausted(headers)) return undefined;
	return resetInMs(headers, now) ?? RATE_LIMIT_WINDOW_MS;
}
