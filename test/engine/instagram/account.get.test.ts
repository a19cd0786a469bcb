import { createHmac } from 'node:crypto';

import nock from 'nock';

import { requestDeps } from '../../../nodes/shared/request';
import {
	ACCOUNT_ID,
	APP_SECRET,
	IG_HOST,
	IG_TOKEN,
	TOKEN,
	accountById,
	expectNoPendingMocks,
	fbCredentials,
	graph,
	igCredentials,
	metaError,
	recordWaits,
	run,
	useNock,
} from './setup';

useNock();
const sleeps = recordWaits();

const PROFILE_QUERY = {
	fields: 'id,username,name,followers_count,follows_count,media_count,profile_picture_url,biography,website',
};
const PROFILE = {
	id: ACCOUNT_ID,
	username: 'sandbox_coffee',
	name: 'Sandbox Coffee',
	followers_count: 12840,
	follows_count: 312,
	media_count: 480,
	profile_picture_url: 'https://scontent.example.com/p.jpg',
	biography: 'Coffee.',
};

const getAccount = (extra: Record<string, unknown> = {}) => ({
	resource: 'account',
	operation: 'get',
	accountId: accountById(),
	...extra,
});

describe('Account > Get', () => {
	it('asks for the profile fields with the token in the Authorization header and emits one flat row', async () => {
		const scope = graph().get(`/v24.0/${ACCOUNT_ID}`).query(PROFILE_QUERY).reply(200, PROFILE);

		const result = await run(getAccount());

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([
			{
				json: {
					id: ACCOUNT_ID,
					username: 'sandbox_coffee',
					name: 'Sandbox Coffee',
					followers_count: 12840,
					follows_count: 312,
					media_count: 480,
					profile_picture_url: 'https://scontent.example.com/p.jpg',
					biography: 'Coffee.',
					website: null,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('asks for the chosen fields only, and returns the raw answer with Simplify off', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query({ fields: 'id,username,followers_count' })
			.reply(200, { id: ACCOUNT_ID, username: 'sandbox_coffee', followers_count: '12840' });

		const result = await run(getAccount({ simplify: false, options: { fields: ['username', 'followers_count'] } }));

		expect(result.json()).toEqual([{ id: ACCOUNT_ID, username: 'sandbox_coffee', followers_count: '12840' }]);
		expectNoPendingMocks();
	});

	it("uses the token's own account (/me) with Instagram Login when no account is given", async () => {
		graph(IG_HOST, IG_TOKEN)
			.get('/v24.0/me')
			.query({ fields: `id,user_id,${PROFILE_QUERY.fields.slice(3)}` })
			.reply(200, { ...PROFILE, id: '9870000000000001', user_id: ACCOUNT_ID });

		const result = await run({ resource: 'account', operation: 'get' }, { credentials: igCredentials() });

		expect(result.json()[0]).toMatchObject({ id: '9870000000000001', user_id: ACCOUNT_ID, username: 'sandbox_coffee' });
		expectNoPendingMocks();
	});

	it('needs an account with Facebook Login, and says so before any request', async () => {
		const result = await run({ resource: 'account', operation: 'get', accountId: { __rl: true, mode: 'list', value: '' } });

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Invalid "Account": a value is required');
		expect(result.error?.description).toBe('With Facebook Login, pick the Instagram account From List or enter its ID.');
	});

	it('rejects an API version not of the form vNN.N before any request', async () => {
		const result = await run(getAccount(), { credentials: fbCredentials({ apiVersion: '24' }) });

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Invalid "API Version" in the credential: "24" is not of the form vNN.N');
	});

	it('sends to the Base URL override (trailing slash removed) with the version path', async () => {
		nock('https://proxy.example.com', { reqheaders: { authorization: `Bearer ${TOKEN}` } })
			.get(`/graph/v23.0/${ACCOUNT_ID}`)
			.query(PROFILE_QUERY)
			.reply(200, PROFILE);

		const result = await run(getAccount(), {
			credentials: fbCredentials({ baseUrl: 'https://proxy.example.com/graph/', apiVersion: 'v23.0' }),
		});

		expect(result.status).toBe('success');
		expectNoPendingMocks();
	});

	it('adds appsecret_proof (HMAC-SHA256 of the token keyed by the app secret) when an app secret is set', async () => {
		const proof = createHmac('sha256', APP_SECRET).update(TOKEN).digest('hex');
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query({ ...PROFILE_QUERY, appsecret_proof: proof })
			.reply(200, PROFILE);

		const result = await run(getAccount(), { credentials: fbCredentials({ appSecret: APP_SECRET }) });

		expect(result.status).toBe('success');
		expectNoPendingMocks();
		expect(JSON.stringify(result.run)).not.toContain(APP_SECRET);
	});
});

describe('Account > Get: errors', () => {
	it('explains an expired token (190/463) and how to get a long-lived one, with no token anywhere in the run', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(
				400,
				metaError(190, `Error validating access token: Session has expired. Token ${TOKEN} is no longer valid.`, {
					error_subcode: 463,
				}),
			);

		const result = await run(getAccount());

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Error validating access token: Session has expired. Token [redacted] is no longer valid.');
		expect(result.error?.description).toContain('The access token is invalid or has expired (the token has expired).');
		expect(result.error?.description).toContain('grant_type=fb_exchange_token');
		expect(result.error?.description).toContain('System User token');
		expect(result.error?.description).toContain('Instagram Graph API error code: 190 (subcode 463).');
		expect(result.error?.description).toContain('Request ID: AbCdEf123.');
		expect(sleeps.waits).toEqual([]);
		expect(JSON.stringify(result.run)).not.toContain(TOKEN);
	});

	it('names the missing permission Meta mentions (code 200), without retrying', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(403, metaError(200, '(#200) Requires instagram_manage_insights permission'));

		const result = await run(getAccount());

		expect(result.error?.message).toBe('(#200) Requires instagram_manage_insights permission');
		expect(result.error?.description).toBe(
			'The token is missing the permission instagram_manage_insights. Create a new token that grants it. Instagram Graph API error code: 200. Request ID: AbCdEf123.',
		);
		expect(sleeps.waits).toEqual([]);
	});

	it('lists the permissions of the login type when Meta names none (code 10)', async () => {
		graph(IG_HOST, IG_TOKEN)
			.get('/v24.0/me')
			.query(true)
			.reply(403, metaError(10, '(#10) Application does not have permission for this action'));

		const result = await run({ resource: 'account', operation: 'get' }, { credentials: igCredentials() });

		expect(result.error?.description).toContain(
			'With Instagram Login it needs instagram_business_basic and instagram_business_manage_insights.',
		);
	});

	it('shows Meta\'s message for code 100, and keeps going under Continue On Fail', async () => {
		graph()
			.get('/v24.0/111')
			.query(PROFILE_QUERY)
			.reply(
				400,
				metaError(100, "Unsupported get request. Object with ID '111' does not exist", { error_subcode: 33 }),
			)
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(PROFILE_QUERY)
			.reply(200, PROFILE);

		const result = await run(
			{ resource: 'account', operation: 'get', accountId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ input: [{ id: '111' }, { id: ACCOUNT_ID }], continueOnFail: true },
		);

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([
			{
				json: {
					error: "Unsupported get request. Object with ID '111' does not exist",
					description:
						'The object does not exist, or this token cannot see it: check the ID and that the account is linked to the token. Instagram Graph API error code: 100 (subcode 33). Request ID: AbCdEf123.',
				},
				pairedItem: { item: 0 },
			},
			{ json: expect.objectContaining({ id: ACCOUNT_ID, username: 'sandbox_coffee' }), pairedItem: { item: 1 } },
		]);
	});
});

describe('Account > Get: throttling and usage headers', () => {
	const realNow = requestDeps.now;
	afterEach(() => {
		requestDeps.now = realNow;
	});

	it('waits estimated_time_to_regain_access (the longest entry) when Meta throttles with a business use case code', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(400, metaError(80002, '(#80002) There have been too many calls to this Instagram account.'), {
				'X-Business-Use-Case-Usage': JSON.stringify({
					[ACCOUNT_ID]: [
						{ type: 'instagram', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 1 },
					],
					'999': [{ type: 'instagram', call_count: 40, estimated_time_to_regain_access: '0' }],
				}),
			})
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(200, PROFILE);

		const result = await run(getAccount());

		expect(result.status).toBe('success');
		expect(sleeps.waits).toEqual([60_000]);
	});

	it.each([4, 17, 32, 613, 80001])('treats code %i as throttling', async (code) => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(400, metaError(code, `(#${code}) limit reached`))
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(200, PROFILE);

		const result = await run(getAccount());

		expect(result.status).toBe('success');
		expect(sleeps.waits).toHaveLength(1);
	});

	it('fails at once, saying when access returns, when the wait is longer than the cap', async () => {
		requestDeps.now = () => Date.UTC(2026, 10, 22, 8, 0, 0);
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(400, metaError(4, '(#4) Application request limit reached', { is_transient: true }), {
				'X-Business-Use-Case-Usage': JSON.stringify({ [ACCOUNT_ID]: [{ call_count: 100, estimated_time_to_regain_access: 5 }] }),
			});

		const result = await run(getAccount({ options: { maxWaitSeconds: 60 } }));

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'(#4) Application request limit reached - Instagram Graph API asks to wait 5 minutes, until 2026-11-22T08:05:00.000Z',
		);
		expect(result.error?.description).toContain('Access returns at 2026-11-22T08:05:00.000Z.');
		expect(sleeps.waits).toEqual([]);
		expectNoPendingMocks();
	});

	it('retries codes 1 and 2 and is_transient errors with backoff', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(500, metaError(1, 'An unknown error occurred'))
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(503, metaError(2, 'Service temporarily unavailable'))
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(400, metaError(9007, 'Something transient', { is_transient: true }))
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(200, PROFILE);

		const result = await run(getAccount());

		expect(result.status).toBe('success');
		expect(sleeps.waits).toHaveLength(3);
		expectNoPendingMocks();
	});

	it('treats a usage header at 100 % as throttling even when the code is not a throttle code', async () => {
		graph()
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(400, metaError(100, '(#100) Unsupported get request', { error_subcode: 33 }), {
				'X-App-Usage': JSON.stringify({ call_count: 100, total_time: 12, total_cputime: 8 }),
			})
			.get(`/v24.0/${ACCOUNT_ID}`)
			.query(true)
			.reply(200, PROFILE);

		const result = await run(getAccount());

		expect(result.status).toBe('success');
		expect(sleeps.waits).toHaveLength(1);
	});

	it('slows down the rest of the run as X-App-Usage nears 100 %', async () => {
		requestDeps.now = () => 1_000_000;
		graph()
			.get('/v24.0/1')
			.query(true)
			.reply(200, { id: '1' }, { 'X-App-Usage': JSON.stringify({ call_count: 90, total_time: 10, total_cputime: 10 }) })
			.get('/v24.0/2')
			.query(true)
			.reply(200, { id: '2' }, { 'X-App-Usage': JSON.stringify({ call_count: '70' }) });

		const result = await run(
			{ resource: 'account', operation: 'get', accountId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ input: [{ id: '1' }, { id: '2' }] },
		);

		expect(result.status).toBe('success');
		// 90 % -> 2 s before the next request.
		expect(sleeps.waits).toEqual([2000]);
	});

	it('follows a Business Use Case usage header near the limit too', async () => {
		requestDeps.now = () => 1_000_000;
		graph()
			.get('/v24.0/1')
			.query(true)
			.reply(200, { id: '1' }, {
				'X-Business-Use-Case-Usage': JSON.stringify({ [ACCOUNT_ID]: [{ type: 'instagram', call_count: 12, total_time: 95 }] }),
			})
			.get('/v24.0/2')
			.query(true)
			.reply(200, { id: '2' });

		await run(
			{ resource: 'account', operation: 'get', accountId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ input: [{ id: '1' }, { id: '2' }] },
		);

		expect(sleeps.waits).toEqual([4000]);
	});
});
