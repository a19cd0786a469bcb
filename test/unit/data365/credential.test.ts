import { NodeHelpers, Workflow, type INode, type INodeType, type INodeTypes } from 'n8n-workflow';

import { Data365Api } from '../../../credentials/Data365Api.credentials';
import { createData365Module } from '../../../sandbox/providers/data365';
import { startSandbox } from '../../../sandbox/server';
import { registry } from '../../fixtures/data365/registry';

const credential = new Data365Api();

/** Resolves a credential expression the way n8n does: over `$credentials`. */
function resolve(value: string, credentials: Record<string, unknown>): unknown {
	const node: INode = { id: '1', name: 'Data365', type: 'data365', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodeTypes: INodeTypes = {
		getByName: () => registry.nodes.data365 as INodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(registry.nodes.data365 as INodeType, 1),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
}

describe('Data365 API credential', () => {
	it('has the contract names, a password token, v1.1 by default and an empty Base URL', () => {
		expect(credential.name).toBe('data365Api');
		const byName = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		expect(byName.apiVersion.default).toBe('v1.1');
		expect(byName.apiVersion.options).toEqual([
			expect.objectContaining({ value: 'graph' }),
			expect.objectContaining({ value: 'v1.1' }),
		]);
		expect(byName.accessToken.typeOptions).toEqual({ password: true });
		expect(byName.baseUrl.default).toBe('');
	});

	it('sends the token as the access_token query parameter', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { qs: { access_token: '={{$credentials.accessToken}}' } },
		});
		expect(resolve(credential.authenticate.properties.qs!.access_token as string, { accessToken: 'tok' })).toBe('tok');
	});

	it.each([
		[{ apiVersion: 'graph', baseUrl: '' }, 'https://api.singularex.com/instagram', '/tag/instagram?fields=id'],
		[{ apiVersion: 'v1.1', baseUrl: '' }, 'https://api.data365.co/v1.1', '/instagram/profile/instagram/update'],
		[{ apiVersion: 'v1.1', baseUrl: 'http://127.0.0.1:9/data365/v1.1//' }, 'http://127.0.0.1:9/data365/v1.1', '/instagram/profile/instagram/update'],
	])('its test request for %j goes to %s%s', (credentials, baseURL, url) => {
		expect(resolve(credential.test.request.baseURL as string, credentials)).toBe(baseURL);
		expect(resolve(credential.test.request.url as string, credentials)).toBe(url);
	});

	it('its test requests succeed against the sandbox with a good token and fail with a bad one', async () => {
		const sandbox = await startSandbox({ modules: [createData365Module()] });
		try {
			for (const [apiVersion, prefix] of [
				['graph', '/data365'],
				['v1.1', '/data365/v1.1'],
			]) {
				const credentials = { apiVersion, baseUrl: sandbox.baseUrl(prefix) };
				const base = resolve(credential.test.request.baseURL as string, credentials);
				const path = String(resolve(credential.test.request.url as string, credentials));
				const url = (token: string) => `${base}${path}${path.includes('?') ? '&' : '?'}access_token=${token}`;
				expect((await fetch(url('good-token'))).status).toBeLessThan(300);
				expect((await fetch(url('invalid-token'))).status).toBeGreaterThanOrEqual(400);
			}
		} finally {
			await sandbox.close();
		}
	});
});
