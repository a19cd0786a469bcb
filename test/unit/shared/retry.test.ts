import { backoffDelay, decideWait, describeWait, headerValue, parseRetryAfter, type RetryPolicy } from '../../../nodes/shared/retry';

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 8000, maxWaitMs: 60_000 };
const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
	it('reads delta-seconds', () => {
		expect(parseRetryAfter('120', NOW)).toBe(120_000);
		expect(parseRetryAfter(' 1.5 ', NOW)).toBe(1500);
	});
	it('reads an HTTP date relative to now', () => {
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', NOW)).toBe(30_000);
	});
	it('treats a past date as no wait, and nonsense as absent', () => {
		expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', NOW)).toBe(0);
		expect(parseRetryAfter('soon', NOW)).toBeUndefined();
		expect(parseRetryAfter('', NOW)).toBeUndefined();
		expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
	});
});

describe('backoffDelay (full jitter)', () => {
	it('draws below a ceiling that doubles per attempt and is capped', () => {
		expect(backoffDelay(0, policy, () => 0.999)).toBe(999);
		expect(backoffDelay(2, policy, () => 0.5)).toBe(2000);
		expect(backoffDelay(10, policy, () => 0.999)).toBe(7992);
		expect(backoffDelay(3, policy, () => 0)).toBe(0);
	});
});

describe('decideWait', () => {
	it('honours a stated wait exactly when under the cap', () => {
		expect(decideWait(0, 5000, policy, NOW, () => 0.5)).toEqual({ kind: 'wait', waitMs: 5000 });
	});
	it('fails at once when a stated wait is over the cap, saying when access returns', () => {
		expect(decideWait(0, 3_600_000, policy, NOW, () => 0.5)).toEqual({
			kind: 'tooLong',
			waitMs: 3_600_000,
			accessReturnsAt: new Date(NOW + 3_600_000),
		});
	});
	it('backs off with jitter when nothing is stated, until retries run out', () => {
		expect(decideWait(1, undefined, policy, NOW, () => 0.25)).toEqual({ kind: 'wait', waitMs: 500 });
		expect(decideWait(3, undefined, policy, NOW, () => 0.25)).toEqual({ kind: 'exhausted' });
	});
});

describe('helpers', () => {
	it('finds headers case-insensitively, first of a list', () => {
		expect(headerValue({ 'Retry-After': '3' }, 'retry-after')).toBe('3');
		expect(headerValue({ 'x-a': ['1', '2'] }, 'X-A')).toBe('1');
		expect(headerValue(undefined, 'x')).toBeUndefined();
	});
	it('describes waits in plain words', () => {
		expect(describeWait(1000)).toBe('1 second');
		expect(describeWait(90_000)).toBe('90 seconds');
		expect(describeWait(30 * 60_000)).toBe('30 minutes');
		expect(describeWait(3 * 3_600_000)).toBe('3 hours');
	});
});
