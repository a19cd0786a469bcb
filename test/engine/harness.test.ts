import nock from 'nock';

import { runCredentialTest, runNode, runPoll } from '../harness/engine';
import { TestApi, testRegistry } from '../fixtures/TestApi';

const credentials = { testApi: { apiKey: 'sk-secret-123456', baseUrl: 'https://api.example.com' } };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('engine harness (real n8n-core WorkflowExecute)', () => {
	it('runs a node, sends the credential header, and pairs every item', async () => {
		const scope = nock('https://api.example.com', { reqheaders: { authorization: 'Bearer sk-secret-123456' } })
			.get('/things/a1')
			.reply(200, { id: 'a1', owner: { name: 'Ann' }, tags: ['x', 'y'] })
			.get('/things/b2')
			.reply(200, { id: 'b2', owner: null, tags: [] });

		const result = await runNode(
			testRegistry,
			{ type: 'testThings', parameters: { operation: 'get', thingId: '={{ $json.id }}' }, credentials },
			[{ id: 'a1' }, { id: 'b2' }],
		);

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([
			{ json: { id: 'a1', 'owner.name': 'Ann', tags: 'x, y' }, pairedItem: { item: 0 } },
			{ json: { id: 'b2', owner: null, tags: '' }, pairedItem: { item: 1 } },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('fails before any request on an empty ID, naming the parameter', async () => {
		const result = await runNode(testRegistry, { type: 'testThings', parameters: { operation: 'get', thingId: ' ' }, credentials });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Invalid "Thing ID": a value is required');
	});

	it('turns a failing item into an error item under Continue On Fail and keeps going', async () => {
		nock('https://api.example.com')
			.get('/things/bad')
			.reply(401, { message: 'Key sk-secret-123456 is revoked', code: 'E401', requestId: 'req-9' })
			.get('/things/ok')
			.reply(200, { id: 'ok' });

		const result = await runNode(
			testRegistry,
			{ type: 'testThings', parameters: { operation: 'get', thingId: '={{ $json.id }}' }, credentials, continueOnFail: true },
			[{ id: 'bad' }, { id: 'ok' }],
		);

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([
			{
				json: { error: 'Key [redacted] is revoked', description: 'Check the API key. Test API error code: E401. Request ID: req-9.' },
				pairedItem: { item: 0 },
			},
			{ json: { id: 'ok' }, pairedItem: { item: 1 } },
		]);
	});

	it('stops the workflow with a redacted NodeApiError when Continue On Fail is off', async () => {
		nock('https://api.example.com').get('/things/bad').reply(403, { message: 'Forbidden for Bearer sk-secret-123456' });
		const result = await runNode(testRegistry, { type: 'testThings', parameters: { operation: 'get', thingId: 'bad' }, credentials });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Forbidden for Bearer [redacted]');
		expect(JSON.stringify(result.run)).not.toContain('sk-secret-123456');
	});

	it('pages with an exact limit and stops requesting once it is reached', async () => {
		const scope = nock('https://api.example.com')
			.get('/things')
			.query({ pageSize: '3' })
			.reply(200, { data: [{ id: 1 }, { id: 2 }], next: 'c2' })
			.get('/things')
			.query({ pageSize: '1', cursor: 'c2' })
			.reply(200, { data: [{ id: 3 }], next: 'c3' });

		const result = await runNode(testRegistry, {
			type: 'testThings',
			parameters: { operation: 'getAll', returnAll: false, limit: 3 },
			credentials,
		});

		expect(result.json()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
		expect(scope.isDone()).toBe(true);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('runs a polling trigger in a real PollContext with static data kept across polls', async () => {
		nock('https://api.example.com')
			.get('/things')
			.query({ afterId: '0' })
			.reply(200, { data: [{ id: 1 }, { id: 2 }] })
			.get('/things')
			.query({ afterId: '2' })
			.reply(200, { data: [] })
			.get('/things')
			.query({ afterId: '2' })
			.reply(200, { data: [{ id: 3 }] });

		const staticData = {};
		const poll = () => runPoll(testRegistry, { type: 'testThingsTrigger', parameters: {}, credentials, staticData });
		expect((await poll()).json).toEqual([{ id: 1 }, { id: 2 }]);
		expect((await poll()).returned).toBeNull();
		expect((await poll()).json).toEqual([{ id: 3 }]);
		expect(staticData).toEqual({ lastId: 3 });
	});

	it('runs a credential test request with expressions and authentication resolved, then its rules', async () => {
		nock('https://api.example.com', { reqheaders: { authorization: 'Bearer sk-secret-123456' } })
			.get('/things/1')
			.reply(200, { id: 1 })
			.get('/things/1')
			.reply(200, { id: 1, revoked: true })
			.get('/things/1')
			.reply(401, { message: 'bad key' });
		const data = { apiKey: 'sk-secret-123456', baseUrl: 'https://api.example.com/' };
		const ok = await runCredentialTest(new TestApi(), data);
		expect(ok).toMatchObject({ status: 'OK', request: { baseURL: 'https://api.example.com', url: '/things/1' } });
		expect(await runCredentialTest(new TestApi(), data)).toMatchObject({ status: 'Error', message: 'The key is revoked' });
		expect((await runCredentialTest(new TestApi(), data)).status).toBe('Error');
	});
});
