/**
 * The shared request function's retry paths, through the real engine and the
 * sandbox's fault injection (a real HTTP server on 127.0.0.1).
 */
import nock from 'nock';

import { requestDeps } from '../../nodes/shared/request';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { runNode } from '../harness/engine';
import { testRegistry } from '../fixtures/TestApi';
import { thingsModule } from '../fixtures/thingsModule';

let sandbox: Sandbox;
let waits: number[];
const realSleep = requestDeps.sleep;

beforeAll(async () => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ modules: [thingsModule], size: 250 });
});
afterAll(async () => {
	await sandbox.close();
	nock.enableNetConnect();
});
beforeEach(() => {
	sandbox.clearLog();
	sandbox.clearFaults();
	waits = [];
	requestDeps.sleep = async (ms) => {
		waits.push(ms);
	};
});
afterEach(() => {
	requestDeps.sleep = realSleep;
});

const ROUTE = 'GET /things-api/things/:id';

function getThing(options: Record<string, unknown> = {}, continueOnFail = false) {
	return runNode(testRegistry, {
		type: 'testThings',
		parameters: { operation: 'get', thingId: '7', simplify: false, options },
		credentials: { testApi: { apiKey: 'sandbox-key-1234', baseUrl: sandbox.baseUrl('/things-api') } },
		continueOnFail,
	});
}

describe('retries through the real engine', () => {
	it('waits exactly the Retry-After of a 429, then succeeds', async () => {
		sandbox.addFault({ route: ROUTE, kind: 'status', status: 429, retryAfter: '7' });
		const result = await getThing();
		expect(result.status).toBe('success');
		expect(result.json()[0]).toMatchObject({ id: 7 });
		expect(waits).toEqual([7000]);
		expect(sandbox.counts()[ROUTE]).toBe(2);
	});

	it('backs off with jitter on 5xx, within the doubling ceilings', async () => {
		sandbox.addFault({ route: ROUTE, kind: 'status', status: 503, times: 2 });
		const result = await getThing();
		expect(result.status).toBe('success');
		expect(waits).toHaveLength(2);
		// TestApi's policy: base 5 ms, cap 20 ms.
		expect(waits[0]).toBeLessThan(5);
		expect(waits[1]).toBeLessThan(10);
		expect(sandbox.counts()[ROUTE]).toBe(3);
	});

	it('retries a dropped connection', async () => {
		sandbox.addFault({ route: ROUTE, kind: 'drop' });
		const result = await getThing();
		expect(result.status).toBe('success');
		expect(sandbox.counts()[ROUTE]).toBe(2);
	});

	it('retries a malformed JSON body, and says so when it never heals', async () => {
		sandbox.addFault({ route: ROUTE, kind: 'malformed' });
		expect((await getThing()).status).toBe('success');

		sandbox.clearLog();
		sandbox.addFault({ route: ROUTE, kind: 'malformed', times: 0 });
		const result = await getThing();
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Test API returned a response that is not valid JSON (HTTP 200), 5 times');
		expect(sandbox.counts()[ROUTE]).toBe(5);
	});

	it('gives up after the policy retries with the provider words and the reason', async () => {
		sandbox.addFault({ route: ROUTE, kind: 'status', status: 500, times: 0, body: { message: 'Database is down', code: 'DB' } });
		const result = await getThing();
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Database is down (gave up after 5 attempts: HTTP 500)');
		expect(result.error?.description).toBe('Test API error code: DB.');
		expect(sandbox.counts()[ROUTE]).toBe(5);
	});

	it('fails at once when the stated wait is over the cap, saying when access returns', async () => {
		sandbox.addFault({ route: ROUTE, kind: 'status', status: 429, retryAfter: '3600', body: { message: 'Slow down' } });
		const before = Date.now();
		const result = await getThing({ maxWaitSeconds: 60 });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Slow down - Test API asks to wait 60 minutes, until \d{4}-\d\d-\d\dT/);
		const returnsAt = Date.parse(/until (\S+)$/.exec(result.error!.message)![1]);
		expect(returnsAt).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
		expect(result.error?.description).toContain('longer than this node\'s "Max Wait on Rate Limit" option (60 s)');
		expect(waits).toEqual([]);
		expect(sandbox.counts()[ROUTE]).toBe(1);
	});

	it('never retries a client error', async () => {
		sandbox.addFault({ route: ROUTE, kind: 'status', status: 400, body: { message: 'Bad field "x"' } });
		const result = await getThing();
		expect(result.error?.message).toBe('Bad field "x"');
		expect(sandbox.counts()[ROUTE]).toBe(1);
	});

	it('stops a list whose cursor repeats instead of looping', async () => {
		sandbox.addFault({ route: 'GET /things-api/things', kind: 'repeatCursor' });
		const result = await runNode(testRegistry, {
			type: 'testThings',
			parameters: { operation: 'getAll', returnAll: true, simplify: false },
			credentials: { testApi: { apiKey: 'sandbox-key-1234', baseUrl: sandbox.baseUrl('/things-api') } },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'The API returned the same next-page value twice while listing things; stopped to avoid an endless loop',
		);
		expect(sandbox.counts()['GET /things-api/things']).toBe(2);
	});
});
