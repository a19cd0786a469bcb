/**
 * Tokens that stay alive: with Instagram Login the credential refreshes a
 * long-lived token once it is due, through n8n's own credential mechanism
 * (the helper's preAuthentication and the update n8n saves), and every later
 * request uses the new token.
 */
import nock from 'nock';

import { InstagramGraphApi } from '../../../credentials/InstagramGraphApi.credentials';
import { tokenFingerprint } from '../../../nodes/Instagram/tokenRefresh';
import { requestDeps } from '../../../nodes/shared/request';
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
});
