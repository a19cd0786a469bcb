/**
 * Tokens that stay alive: with Instagram Login the credential refreshes a
 * long-lived token once it is due, through n8n's own credential mechanism
 * (the helper's preAuthentication and the update n8n saves), and every later
 * request uses the new token.
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { InstagramGraphApi } from '../../../credentials/InstagramGraphApi.credentials';
import { tokenFingerprint } from '../../../nodes/Instagram/tokenRefresh';
import { requestDeps } from '../../../nodes/shared/request';
import { createInstagramModule } from '../../../sandbox/providers/instagram';
import { startSandbox } from '../../../sandbox/server';
import { runCredentialTest } from '../../harness/engine';
import { ACCOUNT_ID, FB_HOST, IG_HOST, IG_TOKEN, TOKEN, accountById, expectNoPendingMocks, graph, igCredentials, run, useNock } from './setup';

useNock();

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NEW_TOKEN = 'IGAA-refreshed-token-5550001';
const realNow = requestDeps.now;

beforeEach(() => {
	requestDeps.now = () => NOW;
});
afterEach(() => {
	requestDeps.now = realNow;
});

const iso = (ms: number) => new Date(ms).toISOString();

/** A credential whose state was saved by an earlier run: `dueAt` decides whether it is due. */
function savedState(dueAt: number, token = IG_TOKEN, expiresAt: number | '' = NOW + 3 * DAY) {
	return {
		refreshedToken: token,
		refreshedExpiresAt: expiresAt === '' ? '' : iso(expiresAt),
		refreshDueAt: iso(dueAt),
		refreshedFrom: tokenFingerprint(IG_TOKEN),
	};
}

const getMe = { resource: 'account', operation: 'get', options: { fields: ['username'] } };
const meQuery = { fields: 'id,user_id,username' };

function refreshCall(token = IG_TOKEN, host = IG_HOST) {
	return nock(host).get('/refresh_access_token').query({ grant_type: 'ig_refresh_token', access_token: token });
}

describe('Instagram Login token refresh', () => {
	it('refreshes a token past its refresh point, uses the new token, and saves it in the credential', async () => {
		refreshCall().reply(200, { access_token: NEW_TOKEN, token_type: 'bearer', expires_in: 5183944 });
		graph(IG_HOST, NEW_TOKEN).get('/v24.0/me').query(meQuery).reply(200, { id: '1', user_id: ACCOUNT_ID, username: 'coffee' });

		const result = await run(getMe, { credentials: igCredentials(savedState(NOW - HOUR)) });

		expect(result.status).toBe('success');
		expect(result.json()).toEqual([{ id: '1', user_id: ACCOUNT_ID, username: 'coffee' }]);
		expectNoPendingMocks();
		const saved = result.credentialUpdates.at(-1)!;
		expect(saved.type).toBe('instagramGraphApi');
		expect(saved.data).toMatchObject({
			accessToken: IG_TOKEN,
			refreshedToken: NEW_TOKEN,
			refreshedExpiresAt: iso(NOW + 5183944 * 1000),
			refreshDueAt: iso(NOW + 7 * DAY),
			refreshedFrom: tokenFingerprint(IG_TOKEN),
		});
		const serialised = JSON.stringify(result.run);
		expect(serialised).not.toContain(NEW_TOKEN);
		expect(serialised).not.toContain(IG_TOKEN);

		// The next run starts from what n8n saved: the new token, and no refresh before it is due.
		requestDeps.now = () => NOW + 2 * DAY;
		graph(IG_HOST, NEW_TOKEN).get('/v24.0/me').query(meQuery).reply(200, { id: '1', user_id: ACCOUNT_ID, username: 'coffee' });
		const next = await run(getMe, { credentials: { instagramGraphApi: saved.data } });
		expect(next.status).toBe('success');
		expect(next.credentialUpdates).toEqual([]);
		expectNoPendingMocks();
	});

	it('starts the chain on first use without calling Meta: the token is refreshed once it is a day older', async () => {
		graph(IG_HOST, IG_TOKEN).get('/v24.0/me').query(meQuery).reply(200, { id: '1', user_id: ACCOUNT_ID, username: 'coffee' });

		const result = await run(getMe, { credentials: igCredentials() });

		expect(result.status).toBe('success');
		expect(result.credentialUpdates).toHaveLength(1);
		expect(result.credentialUpdates[0].data).toMatchObject({
			refreshedToken: IG_TOKEN,
			refreshedExpiresAt: '',
			refreshDueAt: iso(NOW + DAY),
			refreshedFrom: tokenFingerprint(IG_TOKEN),
		});
		expectNoPendingMocks();
	});

	it('never calls the refresh endpoint with Facebook Login, whatever the hidden fields say', async () => {
		graph(FB_HOST, TOKEN).get(`/v24.0/${ACCOUNT_ID}`).query({ fields: 'id,username' }).reply(200, { id: ACCOUNT_ID, username: 'coffee' });
		const stale = { ...savedState(NOW - 30 * DAY), refreshedFrom: tokenFingerprint(TOKEN) };

		const result = await run(
			{ resource: 'account', operation: 'get', accountId: accountById(), options: { fields: ['username'] } },
			{ credentials: { instagramGraphApi: { loginType: 'facebookLogin', accessToken: TOKEN, apiVersion: 'v24.0', ...stale } } },
		);

		expect(result.status).toBe('success');
		expect(result.credentialUpdates).toEqual([]);
		expectNoPendingMocks();
	});

	it('fails with what to do when Meta refuses the refresh, keeping both tokens out of the run', async () => {
		refreshCall().reply(400, {
			error: {
				message: `Error validating access token: Session has expired (access_token=${IG_TOKEN})`,
				type: 'OAuthException',
				code: 190,
				error_subcode: 463,
			},
		});

		const result = await run(getMe, { credentials: igCredentials(savedState(NOW - HOUR, IG_TOKEN, NOW - DAY)) });

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`The Instagram access token could not be refreshed: Error validating access token: Session has expired (access_token=[redacted]) (code 190, subcode 463); the token expired at ${iso(NOW - DAY)}`,
		);
		expect(result.error?.description).toContain("paste it into the credential's Access Token field");
		expect(result.credentialUpdates).toEqual([]);
		expect(JSON.stringify(result.run)).not.toContain(IG_TOKEN);
		expectNoPendingMocks();
	});

	it('keeps a working token when Meta is briefly unreachable, and tries again an hour later', async () => {
		refreshCall().reply(503, { error: { message: 'Service temporarily unavailable', code: 2, is_transient: true } });
		graph(IG_HOST, IG_TOKEN).get('/v24.0/me').query(meQuery).reply(200, { id: '1', user_id: ACCOUNT_ID, username: 'coffee' });

		const result = await run(getMe, { credentials: igCredentials(savedState(NOW - HOUR, IG_TOKEN, NOW + 20 * DAY)) });

		expect(result.status).toBe('success');
		expect(result.credentialUpdates.at(-1)!.data).toMatchObject({ refreshedToken: IG_TOKEN, refreshDueAt: iso(NOW + HOUR) });
		expectNoPendingMocks();
	});

	it('fails when Meta is unreachable and the token expires within the day', async () => {
		refreshCall().reply(500, 'upstream error');

		const result = await run(getMe, { credentials: igCredentials(savedState(NOW - HOUR, IG_TOKEN, NOW + 3 * HOUR)) });

		expect(result.error?.message).toBe(
			`The Instagram access token could not be refreshed: Meta answered HTTP 500; the token expires at ${iso(NOW + 3 * HOUR)}`,
		);
	});

	it('starts a new chain when the user pastes another token, without refreshing it', async () => {
		const pasted = 'IGAA-pasted-token-7770001';
		graph(IG_HOST, pasted).get('/v24.0/me').query(meQuery).reply(200, { id: '1', user_id: ACCOUNT_ID, username: 'coffee' });

		// The hidden fields still hold the chain of the previous token, due long ago.
		const result = await run(getMe, { credentials: igCredentials({ ...savedState(NOW - 10 * DAY, NEW_TOKEN), accessToken: pasted }) });

		expect(result.status).toBe('success');
		expect(result.credentialUpdates.at(-1)!.data).toMatchObject({
			refreshedToken: pasted,
			refreshDueAt: iso(NOW + DAY),
			refreshedFrom: tokenFingerprint(pasted),
		});
		expectNoPendingMocks();
	});

	it('refreshes once for requests sent at the same time', async () => {
		refreshCall().once().reply(200, { access_token: NEW_TOKEN, token_type: 'bearer', expires_in: '5183944' });
		const api = graph(IG_HOST, NEW_TOKEN);
		for (const id of ['m1', 'm2', 'm3']) api.get(`/v24.0/${id}/insights`).query({ metric: 'reach' }).reply(200, { data: [{ name: 'reach', values: [{ value: 7 }] }] });

		const result = await run(
			{ resource: 'media', operation: 'getInsights', metrics: ['reach'], options: { concurrency: 3 } },
			{
				credentials: igCredentials(savedState(NOW - HOUR)),
				input: ['m1', 'm2', 'm3'].map((id) => ({ id, media_type: 'IMAGE', media_product_type: 'FEED' })),
			},
		);

		expect(result.status).toBe('success');
		expect(result.json().map((row) => row.reach)).toEqual([7, 7, 7]);
		expectNoPendingMocks();
	});

	it('refreshes before the credential test, and the test passes with the new token', async () => {
		refreshCall().reply(200, { access_token: NEW_TOKEN, token_type: 'bearer', expires_in: 5183944 });
		nock(IG_HOST, { reqheaders: { authorization: `Bearer ${NEW_TOKEN}` } }).get('/v24.0/me').reply(200, { id: '1' });

		const result = await runCredentialTest(new InstagramGraphApi(), {
			loginType: 'instagramLogin',
			accessToken: IG_TOKEN,
			apiVersion: 'v24.0',
			baseUrl: '',
			...savedState(NOW - HOUR),
		});

		expect(result.status).toBe('OK');
		expectNoPendingMocks();
	});
});

describe('Instagram Login token refresh against the sandbox', () => {
	it('keeps a token alive through 200 days of weekly runs with no user action, and says what to do once left unused too long', async () => {
		nock.enableNetConnect('127.0.0.1');
		const module = createInstagramModule();
		const sandbox = await startSandbox({ modules: [module], size: 3 });
		try {
			requestDeps.now = () => module.control.now();
			// A 60-day token, made ten days before it is pasted into the credential.
			const pasted = module.control.issueToken({ ageMs: 10 * DAY });
			let data: ICredentialDataDecryptedObject = { loginType: 'instagramLogin', accessToken: pasted, apiVersion: 'v24.0', baseUrl: sandbox.baseUrl('/instagram') };
			for (let week = 0; week <= 28; week++) {
				const result = await run(getMe, { credentials: { instagramGraphApi: data } });
				expect(result.status).toBe('success');
				data = result.credentialUpdates.at(-1)?.data ?? data;
				module.control.advance(7 * DAY);
			}
			expect(module.control.refreshes()).toBe(28);
			expect(data.accessToken).toBe(pasted);
			// The token first pasted died long ago (day 50); the one in use is a week old.
			expect(module.control.tokenExpiresAt(pasted)).toBeLessThan(module.control.now());

			// Nine weeks without a run: the token in use has expired and cannot be refreshed.
			module.control.advance(9 * 7 * DAY);
			const result = await run(getMe, { credentials: { instagramGraphApi: data } });
			expect(result.error?.message).toMatch(
				/^The Instagram access token could not be refreshed: Error validating access token: Session has expired\. The token cannot be refreshed\. \(code 190, subcode 463\); the token expired at /,
			);
			expect(result.error?.description).toContain('create a new long-lived token');
			expect(JSON.stringify(result.run)).not.toContain(String(data.refreshedToken));
		} finally {
			await sandbox.close();
			nock.disableNetConnect();
		}
	});
});
