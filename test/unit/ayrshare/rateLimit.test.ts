import { exhaustedForMs, rateLimitWaitMs, resetInMs, windowExhausted } from '../../../nodes/Ayrshare/rateLimit';

const NOW = Date.UTC(2025, 4, 1, 12, 0, 0);

describe('Ayrshare rate-limit headers', () => {
	it.each([
		['epoch milliseconds', String(NOW + 42_000), 42_000],
		['epoch seconds', String(NOW / 1000 + 42), 42_000],
		['milliseconds left (Ayrshare\'s documented unit)', '90000', 90_000],
		['seconds left when too small to be milliseconds of a 5-minute window', '42', 42_000],
		['an HTTP date', new Date(NOW + 60_000).toUTCString(), 60_000],
		['a time already past', String(NOW / 1000 - 10), 0],
	])('reads x-ratelimit-reset as %s', (_label, value, expected) => {
		expect(resetInMs({ 'x-ratelimit-reset': value }, NOW)).toBe(expected);
	});

	it('ignores a missing or unreadable reset', () => {
		expect(resetInMs({}, NOW)).toBeUndefined();
		expect(resetInMs({ 'x-ratelimit-reset': 'soon' }, NOW)).toBeUndefined();
	});

	it('waits after a 429 for Retry-After first, then the reset, then the whole 5-minute window', () => {
		expect(rateLimitWaitMs({ 'retry-after': '7', 'x-ratelimit-reset': '90000' }, NOW)).toBe(7000);
		expect(rateLimitWaitMs({ 'x-ratelimit-reset': '90000', 'x-ratelimit-max': '300' }, NOW)).toBe(90_000);
		expect(rateLimitWaitMs({ 'x-ratelimit-max': '300', 'x-ratelimit-count': '300' }, NOW)).toBe(300_000);
		expect(rateLimitWaitMs({ 'content-type': 'application/json' }, NOW)).toBeUndefined();
	});

	it('reads header names in any case and array values', () => {
		expect(rateLimitWaitMs({ 'Retry-After': ['3'] }, NOW)).toBe(3000);
		expect(windowExhausted({ 'X-RateLimit-Max': '250', 'X-RateLimit-Count': '250' })).toBe(true);
	});

	it('knows when the window is used up: count reached max, or nothing remaining', () => {
		expect(windowExhausted({ 'x-ratelimit-max': '300', 'x-ratelimit-count': '299' })).toBe(false);
		expect(windowExhausted({ 'x-ratelimit-max': '300', 'x-ratelimit-count': '300' })).toBe(true);
		expect(windowExhausted({ 'x-ratelimit-remaining': '0' })).toBe(true);
		expect(windowExhausted({ 'x-ratelimit-remaining': '5', 'x-ratelimit-max': '1', 'x-ratelimit-count': '9' })).toBe(false);
		expect(windowExhausted({})).toBe(false);
	});

	it('after a success that used the last call, says how long until the next may go', () => {
		expect(exhaustedForMs({ 'x-ratelimit-max': '300', 'x-ratelimit-count': '12' }, NOW)).toBeUndefined();
		expect(exhaustedForMs({ 'x-ratelimit-max': '300', 'x-ratelimit-count': '300', 'x-ratelimit-reset': '5000' }, NOW)).toBe(5000);
		expect(exhaustedForMs({ 'x-ratelimit-max': '300', 'x-ratelimit-count': '300' }, NOW)).toBe(300_000);
	});
});
