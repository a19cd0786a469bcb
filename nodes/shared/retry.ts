/**
 * Pure decisions of the retry loop: how long to wait and whether a wait is
 * allowed. Kept free of I/O so every path is unit-tested without a clock.
 */

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** First backoff ceiling; doubles with every attempt (full jitter below it). */
	baseDelayMs: number;
	/** Ceiling of one computed backoff. */
	maxDelayMs: number;
	/** The user's cap: a provider-stated wait longer than this fails at once. */
	maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 4,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	maxWaitMs: 120_000,
};

type HeaderBag = Record<string, unknown>;

export function headerValue(headers: HeaderBag | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
		return value === undefined || value === null ? undefined : String(value);
	}
	return undefined;
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (value === undefined) return undefined;
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Exponential backoff with full jitter (AWS architecture blog's "full jitter"). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.floor(random() * ceiling);
}

export type WaitDecision =
	| { kind: 'wait'; waitMs: number }
	| { kind: 'tooLong'; waitMs: number; accessReturnsAt: Date }
	| { kind: 'exhausted' };

/**
 * What to do after failed attempt number `attempt` (0-based): a stated wait
 * (Retry-After or a provider-computed one) is honoured exactly unless it is
 * over the user's cap; otherwise back off with jitter.
 */
export function decideWait(
	attempt: number,
	statedWaitMs: number | undefined,
	policy: RetryPolicy,
	now: number,
	random: () => number,
): WaitDecision {
	if (statedWaitMs !== undefined && statedWaitMs > policy.maxWaitMs) {
		return { kind: 'tooLong', waitMs: statedWaitMs, accessReturnsAt: new Date(now + statedWaitMs) };
	}
	if (attempt >= policy.maxRetries) return { kind: 'exhausted' };
	const waitMs = statedWaitMs ?? backoffDelay(attempt, policy, random);
	return { kind: 'wait', waitMs: Math.min(waitMs, policy.maxWaitMs) };
}

export function describeWait(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	const minutes = Math.ceil(seconds / 60);
	if (minutes < 120) return `${minutes} minutes`;
	return `${Math.round((minutes / 60) * 10) / 10} hours`;
}
