/**
 * Profiles, errors and rate limits through the real engine. Waits are
 * recorded on a fake clock instead of slept.
 */
import nock from 'nock';

import { requestDeps } from '../../../nodes/shared/request';
import { runNode } from '../../harness/engine';
import { API_KEY, credentials, HOST, PROFILE_KEY, registry } from '../../fixtures/ayrshare/registry';

const realDeps = { ...requestDeps };
let waits: number[] = [];
let clock = 0;

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	waits = [];
	clock = Date.UTC(2025, 4, 1, 12);
	requestDeps.now = () => clock;
	requestDeps.sleep = async (ms: number) => {
		waits.push(ms);
		clock += ms;
	};
	requestDeps.random = () => 0.5;
});
afterEach(() => {
	Object.assign(requestDeps, realDeps);
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const history = (options: Record<string, unknown> = {}) => ({ resource: 'history', operation: 'getAll', limit: 1, options });
const ok = { history: [{ id: 'p1' }] };

describe('profiles', () => {
	it('sends the credential\'s Profile Key as the Profile-Key header', async () => {
		const scope = nock(HOST, { reqheaders: { authorization: `Bearer ${API_KEY}`, 'profile-key': PROFILE_KEY } })
			.get('/api/history')
			.query(true)
			.reply(200, ok);

		const result = await runNode(registry, { type: 'ayrshare', parameters: history(), credentials: credentials({ profileKey: PROFILE_KEY }) });

		expect(result.status).toBe('success');
		expect(scope.isDone()).toBe(true);
	});

	it('sends no Profile-Key header at all when the credential\'s is empty', async () => {
		const scope = nock(HOST, { badheaders: ['profile-key'] }).get('/api/history').query(true).reply(200, ok);
		const result = await runNode(registry, { type: 'ayrshare', parameters: history(), credentials: credentials({ profileKey: '' }) });
		expect(result.status).toBe('success');
		expect(scope.isDone()).toBe(true);
	});

	it('lets the node\'s Profile Key option override the credential\'s per item, and falls back when an item has none', async () => {
		const seen: Array<string | undefined> = [];
		nock(HOST)
			.get('/api/history')
			.query(true)
			.times(3)
			.reply(function () {
				seen.push(this.req.headers['profile-key'] as string | undefined);
				return [200, { history: [{ id: `post-${seen.length}` }] }];
			});

		const result = await runNode(
			registry,
			{ type: 'ayrshare', parameters: history({ profileKey: '={{ $json.profile }}' }), credentials: credentials({ profileKey: PROFILE_KEY }) },
			[{ profile: 'CLIENT-A-1111' }, { profile: '' }, { profile: 'CLIENT-B-2222' }],
		);

		expect(seen).toEqual(['CLIENT-A-1111', PROFILE_KEY, 'CLIENT-B-2222']);
		expect(result.items()).toEqual([
			{ json: { id: 'post-1' }, pairedItem: { item: 0 } },
			{ json: { id: 'post-2' }, pairedItem: { item: 1 } },
			{ json: { id: 'post-3' }, pairedItem: { item: 2 } },
		]);
	});

	it('uses the Base URL of the credential, trailing slashes stripped (the older app.ayrshare.com host)', async () => {
		const scope = nock('https://app.ayrshare.com').get('/api/analytics/youTubePlaylists').reply(200, []);
		await runNode(registry, {
			type: 'ayrshare',
			parameters: { resource: 'analytics', operation: 'getYouTubePlaylists' },
			credentials: credentials({ baseUrl: 'https://app.ayrshare.com/api//' }),
		});
		expect(scope.isDone()).toBe(true);
	});
});

describe('errors', () => {
	it.each([
		[401, { status: 'error', code: 102, message: 'API Key not valid.' }, 'Check the API key'],
		[402, { status: 'error', code: 168, message: 'Upgrade required.' }, 'plan does not include this feature'],
		[403, { status: 'error', code: 419, message: 'The profile is suspended.' }, 'not suspended'],
		[400, { status: 'error', code: 101, message: 'Missing or incorrect parameters.' }, 'platform names'],
	])('HTTP %i fails at once with Ayrshare\'s words and a plain hint, never retried', async (status, body, hint) => {
		const scope = nock(HOST).get('/api/history').query(true).once().reply(status, body);

		const result = await runNode(registry, { type: 'ayrshare', parameters: history(), credentials: credentials() });

		expect(scope.isDone()).toBe(true);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(body.message);
		expect(result.error?.description).toContain(hint);
		expect(result.error?.description).toContain(`Ayrshare error code: ${body.code}.`);
		expect(result.error?.httpCode).toBe(String(status));
		expect(waits).toEqual([]);
	});

	it('under Continue On Fail, a failing item becomes { error, description } and the others go on', async () => {
		nock(HOST)
			.post('/api/analytics/post', { id: 'bad' })
			.reply(404, { status: 'error', code: 186, message: 'Top level post ID not found.' })
			.post('/api/analytics/post', { id: 'good' })
			.reply(200, { facebook: { id: 'f', analytics: { likeCount: 1 } } });

		const result = await runNode(
			registry,
			{ type: 'ayrshare', parameters: { resource: 'analytics', operation: 'getPost', postId: '={{ $json.id }}' }, credentials: credentials(), continueOnFail: true },
			[{ id: 'bad' }, { id: 'good' }],
		);

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([
			{
				json: { error: 'Top level post ID not found.', description: expect.stringContaining('Ayrshare error code: 186.') },
				pairedItem: { item: 0 },
			},
			{ json: { platform: 'facebook', id: 'f', postUrl: null, likeCount: 1 }, pairedItem: { item: 1 } },
		]);
	});

	it('retries a 5xx once, then gives up', async () => {
		const scope = nock(HOST).get('/api/history').query(true).times(2).reply(502, { message: 'Bad gateway' });
		const result = await runNode(registry, { type: 'ayrshare', parameters: history(), credentials: credentials() });
		expect(scope.isDone()).toBe(true);
		expect(result.error?.message).toBe('Bad gateway (gave up after 2 attempts: HTTP 502)');
		expect(waits).toEqual([2500]);
	});

	it('never puts the API key or the Profile Key in an error, an item or the run', async () => {
		nock(HOST)
			.get('/api/history')
			.query(true)
			.reply(401, { status: 'error', message: `Key ${API_KEY} with profile ${PROFILE_KEY} is not valid`, headers: { authorization: `Bearer ${API_KEY}` } })
			.get('/api/history')
			.query(true)
			.reply(403, { status: 'error', message: 'Profile NODE-ONLY-KEY-999 is suspended' })
			.get('/api/history')
			.query(true)
			.reply(200, { history: [{ id: 'p1', note: `sent with ${API_KEY}, ${PROFILE_KEY} and NODE-ONLY-KEY-999` }] });

		const result = await runNode(
			registry,
			{ type: 'ayrshare', parameters: history({ profileKey: '={{ $json.p || "" }}' }), credentials: credentials({ profileKey: PROFILE_KEY }), continueOnFail: true },
			[{}, { p: 'NODE-ONLY-KEY-999' }, { p: 'NODE-ONLY-KEY-999' }],
		);

		expect(result.json()).toEqual([
			{ error: 'Key [redacted] with profile [redacted] is not valid', description: expect.any(String) },
			{ error: 'Profile [redacted] is suspended', description: expect.any(String) },
			{ id: 'p1', note: 'sent with [redacted], [redacted] and [redacted]' },
		]);
		const everything = JSON.stringify(result.run);
		expect(everything).not.toContain(API_KEY);
		expect(everything).not.toContain(PROFILE_KEY);
		// The node-level key is in the input item the user gave; it must not be in the node's output.
		expect(JSON.stringify(result.items())).not.toContain('NODE-ONLY-KEY-999');
	});
});

describe('rate limits (Ayrshare suspends a profile after 1,000 429s a day)', () => {
	it('retries a 429 once after Retry-After', async () => {
		const scope = nock(HOST)
			.get('/api/history')
			.query(true)
			.reply(429, { status: 'error', message: 'Too many requests' }, { 'Retry-After': '3' })
			.get('/api/history')
			.query(true)
			.reply(200, ok);

		const result = await runNode(registry, { type: 'ayrshare', parameters: history(), credentials: credentials() });

		expect(scope.isDone()).toBe(true);
		expect(result.json()).toEqual([{ id: 'p1' }]);
		expect(waits).toEqual([3000]);
	});

	it('waits the window x-ratelimit-reset gives (milliseconds left, as Ayrshare documents it)', async () => {
		nock(HOST)
			.get('/api/history')
			.query(true)
			.reply(429, { status: 'error', message: 'Too many requests' }, { 'x-ratelimit-max': '300', 'x-ratelimit-count': '300', 'x-ratelimit-reset': '45000' })
			.get('/api/history')
			.query(true)
			.reply(200, ok);

		const result = await runNode(registry, { type: 'ayrshare', parameters: history(), credentials: credentials() });

		expect(result.status).toBe('success');
		expect(waits).toEqual([45_000]);
	});

	it('with only x-ratelimit-max/count, assumes the whole 5-minute window: over the cap it fails at once, saying when access returns', async () => {
		const scope = nock(HOST)
			.get('/api/history')
			.query(true)
			.once()
			.reply(429, { status: 'error', code: 429, message: 'Too many requests' }, { 'x-ratelimit-max': '300', 'x-ratelimit-count': '300' });

		const result = await runNode(registry, { type: 'ayrshare', parameters: history(), credentials: credentials() });

		expect(scope.isDone()).toBe(true);
		const returnsAt = new Date(clock + 300_000).toISOString();
		expect(result.error?.message).toBe(`Too many requests - Ayrshare asks to wait 5 minutes, until ${returnsAt}`);
		expect(result.error?.description).toContain(`Access returns at ${returnsAt}`);
		expect(waits).toEqual([]);
	});

	it('waits the whole window when the user raised Max Wait on Rate Limit', async () => {
		nock(HOST)
			.get('/api/history')
			.query(true)
			.reply(429, {}, { 'x-ratelimit-max': '300', 'x-ratelimit-count': '300' })
			.get('/api/history')
			.query(true)
			.reply(200, ok);

		const result = await runNode(registry, { type: 'ayrshare', parameters: history({ maxWaitSeconds: 600 }), credentials: credentials() });

		expect(result.status).toBe('success');
		expect(waits).toEqual([300_000]);
	});

	it('a 429 storm makes at most two requests per item', async () => {
		let requests = 0;
		nock(HOST)
			.get('/api/history')
			.query(true)
			.times(100)
			.reply(() => {
				requests += 1;
				return [429, { status: 'error', message: 'Too many requests' }, { 'Retry-After': '1' }];
			});

		const result = await runNode(
			registry,
			{ type: 'ayrshare', parameters: history(), credentials: credentials(), continueOnFail: true },
			[{}, {}, {}, {}],
		);

		expect(requests).toBe(8);
		expect(result.items()).toHaveLength(4);
		for (const item of result.items()) {
			expect(item.json.error).toBe('Too many requests (gave up after 2 attempts: rate limited (HTTP 429))');
		}
		// Each item after the first also waits out the window the last 429 gave before its first call.
		expect(waits).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 1000]);
	});

	it('a 429 storm with a long window sends one request in all: later items fail without calling', async () => {
		let requests = 0;
		nock(HOST)
			.get('/api/history')
			.query(true)
			.times(100)
			.reply(() => {
				requests += 1;
				return [429, { status: 'error', message: 'Too many requests' }, { 'x-ratelimit-reset': String(clock / 1000 + 240) }];
			});

		const result = await runNode(
			registry,
			{ type: 'ayrshare', parameters: history(), credentials: credentials(), continueOnFail: true },
			[{}, {}, {}],
		);

		expect(requests).toBe(1);
		const returnsAt = new Date(clock + 240_000).toISOString();
		expect(result.json().map((json) => json.error)).toEqual([
			`Too many requests - Ayrshare asks to wait 4 minutes, until ${returnsAt}`,
			`Ayrshare's rate limit for this profile is used up for 4 minutes, until ${returnsAt}; no call was sent`,
			`Ayrshare's rate limit for this profile is used up for 4 minutes, until ${returnsAt}; no call was sent`,
		]);
		expect(waits).toEqual([]);
	});

	it('after a call that used the window\'s last request, waits for the reset instead of drawing a 429; another profile goes on', async () => {
		const calls: string[] = [];
		nock(HOST)
			.get('/api/history')
			.query(true)
			.times(3)
			.reply(function () {
				calls.push(String(this.req.headers['profile-key'] ?? 'primary'));
				return [200, ok, { 'x-ratelimit-max': '300', 'x-ratelimit-count': calls.length === 1 ? '300' : '10', 'x-ratelimit-reset': '2000' }];
			});

		await runNode(
			registry,
			{ type: 'ayrshare', parameters: history({ profileKey: '={{ $json.p || "" }}' }), credentials: credentials() },
			[{}, { p: 'OTHER-PROFILE' }, {}],
		);

		expect(calls).toEqual(['primary', 'OTHER-PROFILE', 'primary']);
		expect(waits).toEqual([2000]);
	});
});
