import { ayrshareProvider, baseUrlOf, describeAyrshareError } from '../../../nodes/Ayrshare/transport';
import { requestDeps } from '../../../nodes/shared/request';

const NOW = Date.UTC(2025, 4, 1);
const realNow = requestDeps.now;
beforeEach(() => (requestDeps.now = () => NOW));
afterEach(() => (requestDeps.now = realNow));

describe('Ayrshare provider', () => {
	it('strips trailing slashes from the Base URL and falls back to Ayrshare when empty', () => {
		expect(baseUrlOf({ baseUrl: 'http://127.0.0.1:9/ayrshare/api//' })).toBe('http://127.0.0.1:9/ayrshare/api');
		expect(baseUrlOf({ baseUrl: '  ' })).toBe('https://api.ayrshare.com/api');
		expect(baseUrlOf({})).toBe('https://api.ayrshare.com/api');
	});

	it('retries 429 and 5xx once at most, and never a client error', () => {
		const provider = ayrshareProvider();
		expect(provider.retry?.maxRetries).toBe(1);
		expect(provider.secretFields).toEqual(['apiKey', 'profileKey']);
		const classify = provider.classify!;
		expect(classify({ statusCode: 429, headers: { 'retry-after': '2' }, body: {} })).toEqual({
			outcome: 'retry',
			reason: 'rate limited (HTTP 429)',
			waitMs: 2000,
		});
		expect(classify({ statusCode: 503, headers: {}, body: {} })).toEqual({ outcome: 'retry', reason: 'HTTP 503', waitMs: undefined });
		for (const statusCode of [400, 401, 402, 403, 404]) {
			expect(classify({ statusCode, headers: {}, body: {} })).toEqual({ outcome: 'fail' });
		}
	});

	it('fails a 200 whose status is "error" with nothing per platform, and passes a partial failure', () => {
		const classify = ayrshareProvider().classify!;
		expect(classify({ statusCode: 200, headers: {}, body: { status: 'error', code: 294, message: 'x' } })).toEqual({ outcome: 'fail' });
		expect(
			classify({ statusCode: 200, headers: {}, body: { status: 'error', errors: [{ platform: 'twitter', code: 1, message: 'x' }] } }),
		).toEqual({ outcome: 'success' });
	});

	it('tells the run when the profile may call again, from a 429 and from a success that used the window', () => {
		const windows: number[] = [];
		const classify = ayrshareProvider((notBefore) => windows.push(notBefore)).classify!;
		classify({ statusCode: 429, headers: { 'x-ratelimit-reset': '60000' }, body: {} });
		classify({ statusCode: 200, headers: { 'x-ratelimit-max': '2', 'x-ratelimit-count': '2' }, body: {} });
		classify({ statusCode: 200, headers: { 'x-ratelimit-max': '2', 'x-ratelimit-count': '1' }, body: {} });
		expect(windows).toEqual([NOW + 60_000, NOW + 300_000, 0]);
	});

	it('takes a node-set secret out of the body before anything reads it', () => {
		const classify = ayrshareProvider(undefined, ['PROFILE-SECRET']).classify!;
		const response = { statusCode: 403, headers: {}, body: { message: 'Profile PROFILE-SECRET is suspended', list: ['PROFILE-SECRET'] } as unknown };
		classify(response);
		expect(response.body).toEqual({ message: 'Profile [redacted] is suspended', list: ['[redacted]'] });
	});

	it('leaves a short key alone in a successful answer (it would blank out ordinary words) but not in an error', () => {
		const classify = ayrshareProvider(undefined, ['team']).classify!;
		const success = { statusCode: 200, headers: {}, body: { post: 'our team rocks' } as unknown };
		classify(success);
		expect(success.body).toEqual({ post: 'our team rocks' });
		const failure = { statusCode: 401, headers: {}, body: { message: 'key team is revoked' } as unknown };
		classify(failure);
		expect(failure.body).toEqual({ message: 'key [redacted] is revoked' });
	});
});

describe('describing Ayrshare errors', () => {
	it('uses Ayrshare\'s message and code with a plain hint per status', () => {
		expect(
			describeAyrshareError({
				statusCode: 403,
				headers: { 'x-request-id': 'req-1' },
				body: { action: 'request', status: 'error', code: 419, message: 'The profile is suspended.' },
			}),
		).toEqual({
			message: 'The profile is suspended.',
			code: 419,
			requestId: 'req-1',
			hint: expect.stringContaining('suspends a profile after 1,000 rate-limited calls'),
		});
		expect(describeAyrshareError({ statusCode: 401, headers: {}, body: {} }).hint).toContain('API key');
		expect(describeAyrshareError({ statusCode: 402, headers: {}, body: {} }).hint).toContain('Premium or Business');
		expect(describeAyrshareError({ statusCode: 404, headers: {}, body: {} }).hint).toContain('top-level Ayrshare post ID');
		expect(describeAyrshareError({ statusCode: 500, headers: {}, body: {} }).hint).toContain('Try again later');
	});

	it('joins a list of errors with their platforms, and falls back to the status', () => {
		expect(
			describeAyrshareError({
				statusCode: 400,
				headers: {},
				body: { status: 'error', errors: [{ platform: 'twitter', code: 110, message: 'Duplicate.' }, { message: 'Other.' }] },
			}),
		).toMatchObject({ message: 'twitter: Duplicate.; Other.', code: 110 });
		expect(describeAyrshareError({ statusCode: 502, headers: {}, body: '<html>Bad gateway</html>' }).message).toBe('<html>Bad gateway</html>');
		expect(describeAyrshareError({ statusCode: 418, headers: {}, body: undefined }).message).toBe('Ayrshare answered HTTP 418');
	});
});
