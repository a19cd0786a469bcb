import type { IDataObject, INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import nock from 'nock';

import { HaiiloShareApi } from '../../../credentials/HaiiloShareApi.credentials';
import { haiiloModule } from '../../../sandbox/providers/haiilo';
import { startSandbox } from '../../../sandbox/server';

const credential = new HaiiloShareApi();

/** Resolves an expression over `$credentials` the way n8n resolves credential blocks. */
function resolve(value: string, credentials: IDataObject): unknown {
	const node: INode = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodeTypes = {
		getByName: () => ({ description: { properties: [] } }),
		getByNameAndVersion: () => ({ description: { properties: [] } }),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
}

const testBaseUrl = (credentials: IDataObject) => resolve(String(credential.test.request.baseURL), credentials);

describe('Haiilo Share credential', () => {
	it('has the fields the issue names, the token as a password, and says where tokens come from', () => {
		expect(credential.name).toBe('haiiloShareApi');
		expect(credential.properties.map((property) => property.name)).toEqual(['setupNotice', 'subdomain', 'accessToken', 'baseUrl']);
		expect(credential.properties.find((property) => property.name === 'accessToken')?.typeOptions).toEqual({ password: true });
		expect(credential.properties.find((property) => property.name === 'baseUrl')?.default).toBe('');
		expect(credential.properties[0].displayName).toMatch(/Settings > Access tokens.*user who created it is deleted.*service user/);
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
	});

	it('sends the token as a Bearer header', () => {
		const header = credential.authenticate.properties.headers?.Authorization as string;
		expect(resolve(header, { accessToken: 'abc123' })).toBe('Bearer abc123');
	});

	it.each([
		[{ subdomain: 'acme', baseUrl: '' }, 'https://acme.smarpshare.com'],
		[{ subdomain: ' acme.smarpshare.com ', baseUrl: '' }, 'https://acme.smarpshare.com'],
		[{ subdomain: 'https://acme.smarpshare.com', baseUrl: '  ' }, 'https://acme.smarpshare.com'],
		[{ subdomain: 'acme', baseUrl: 'http://127.0.0.1:4000/haiilo/' }, 'http://127.0.0.1:4000/haiilo'],
		[{ subdomain: '', baseUrl: 'https://acme.smarpshare.com/api/v1' }, 'https://acme.smarpshare.com'],
	])('tests against the same host as the node: %j -> %s', (credentials, url) => {
		expect(testBaseUrl(credentials)).toBe(url);
	});

	it('its test request succeeds with a working token and fails without one, reading no shares', async () => {
		nock.enableNetConnect('127.0.0.1');
		const sandbox = await startSandbox({ modules: [haiiloModule({ token: 'good-token' })], size: 50 });
		try {
			const { request } = credential.test;
			const send = async (token: string) => {
				const base = testBaseUrl({ subdomain: '', baseUrl: sandbox.baseUrl('/haiilo') });
				const query = new URLSearchParams(request.qs as Record<string, string>).toString();
				const header = resolve(credential.authenticate.properties.headers?.Authorization as string, { accessToken: token });
				return await fetch(`${base}${request.url}?${query}`, { method: request.method, headers: { Authorization: String(header) } });
			};
			const ok = await send('good-token');
			expect(ok.status).toBe(200);
			expect(await ok.json()).toEqual({ shares: [] });
			expect((await send('revoked-token')).status).toBe(401);
		} finally {
			await sandbox.close();
			// Fully open again: a restricted state left behind breaks nock in the next test file.
			nock.enableNetConnect();
		}
	});
});
