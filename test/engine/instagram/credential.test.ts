import { createHmac } from 'node:crypto';

import nock from 'nock';

import { InstagramGraphApi, appSecretProof } from '../../../credentials/InstagramGraphApi.credentials';
import { runCredentialTest } from '../../harness/engine';
import { APP_SECRET, FB_HOST, IG_HOST, IG_TOKEN, TOKEN, useNock } from './setup';

useNock();

const credential = new InstagramGraphApi();

describe('Instagram Graph API credential', () => {
	it('tests the connection with GET /{version}/me on graph.facebook.com with Facebook Login', async () => {
		nock(FB_HOST, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
			.get('/v24.0/me')
			.reply(200, { id: '10150000000000001', name: 'Sandbox Owner' });

		const result = await runCredentialTest(credential, { loginType: 'facebookLogin', accessToken: TOKEN, apiVersion: 'v24.0', baseUrl: '' });

		expect(result).toMatchObject({ status: 'OK', request: { baseURL: FB_HOST, url: '/v24.0/me', method: 'GET' } });
	});

	it('uses graph.instagram.com with Instagram Login, and the Base URL override when set', async () => {
		nock(IG_HOST, { reqheaders: { authorization: `Bearer ${IG_TOKEN}` } })
			.get('/v25.0/me')
			.reply(200, { id: '1', user_id: '178' });
		nock('http://127.0.0.1:9999', { reqheaders: { authorization: `Bearer ${IG_TOKEN}` } })
			.get('/instagram/v25.0/me')
			.reply(200, { id: '1' });
		const data = { loginType: 'instagramLogin', accessToken: IG_TOKEN, apiVersion: 'v25.0', baseUrl: '' };

		expect((await runCredentialTest(credential, data)).status).toBe('OK');
		expect(
			await runCredentialTest(credential, { ...data, baseUrl: 'http://127.0.0.1:9999/instagram/' }),
		).toMatchObject({ status: 'OK', request: { baseURL: 'http://127.0.0.1:9999/instagram' } });
	});

	it('fails the test on a rejected token', async () => {
		nock(FB_HOST)
			.get('/v24.0/me')
			.reply(400, { error: { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 } });

		const result = await runCredentialTest(credential, { loginType: 'facebookLogin', accessToken: 'bad-token-1', apiVersion: 'v24.0', baseUrl: '' });

		expect(result.status).toBe('Error');
	});

	it('sends the token as a Bearer header and appsecret_proof only when an app secret is set', async () => {
		const authenticate = credential.authenticate as unknown as (c: object, r: object) => Promise<Record<string, unknown>>;
		expect(await authenticate({ accessToken: ` ${TOKEN} `, appSecret: '' }, { url: '/v24.0/me', qs: { fields: 'id' } })).toEqual({
			url: '/v24.0/me',
			qs: { fields: 'id' },
			headers: { Authorization: `Bearer ${TOKEN}` },
		});
		expect(await authenticate({ accessToken: TOKEN, appSecret: APP_SECRET }, { url: '/v24.0/me' })).toEqual({
			url: '/v24.0/me',
			headers: { Authorization: `Bearer ${TOKEN}` },
			qs: { appsecret_proof: createHmac('sha256', APP_SECRET).update(TOKEN).digest('hex') },
		});
		// A paging.next URL from Meta that already carries the proof keeps its own.
		const next = `${FB_HOST}/v24.0/1/media?after=x&appsecret_proof=abc`;
		expect(await authenticate({ accessToken: TOKEN, appSecret: APP_SECRET }, { url: next })).toEqual({
			url: next,
			headers: { Authorization: `Bearer ${TOKEN}` },
		});
	});

	it('computes appsecret_proof as hex HMAC-SHA256 of the token keyed by the secret', () => {
		expect(appSecretProof('token', 'secret')).toBe(createHmac('sha256', 'secret').update('token').digest('hex'));
		expect(appSecretProof('token', 'secret')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('refuses an API version that is not vNN.N', async () => {
		const authenticate = credential.authenticate as unknown as (c: object, r: object) => Promise<unknown>;
		await expect(authenticate({ accessToken: TOKEN, apiVersion: 'latest' }, { url: '/me' })).rejects.toThrow(
			`The credential's API Version "latest" is not valid: use the form v24.0`,
		);
	});

	it('declares its secret fields as passwords', () => {
		const password = credential.properties.filter((property) => property.typeOptions?.password).map((property) => property.name);
		expect(password).toEqual(['accessToken', 'appSecret', 'refreshedToken']);
		expect(credential.properties.find((property) => property.name === 'apiVersion')?.default).toBe('v24.0');
	});
});
