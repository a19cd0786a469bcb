import nock from 'nock';

import { createRandom } from '../../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { thingsModule } from '../fixtures/thingsModule';

let sandbox: Sandbox;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ modules: [thingsModule], size: 30, seed: 7 });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => {
	sandbox.clearLog();
	sandbox.clearFaults();
	sandbox.setLatency(0);
});

const auth = { authorization: 'Bearer k' };

describe('sandbox', () => {
	it('generates the same fixtures from the same seed', async () => {
		const a = createRandom(1);
		const b = createRandom(1);
		expect([a.digits(17), a.token(8), a.words(3)]).toEqual([b.digits(17), b.token(8), b.words(3)]);
		const other = await startSandbox({ modules: [thingsModule], size: 30, seed: 7 });
		const fromOther = await (await fetch(`${other.baseUrl('/things-api')}/things/3`)).json();
		await other.close();
		expect(await (await fetch(`${sandbox.baseUrl('/things-api')}/things/3`)).json()).toEqual(fromOther);
	});

	it('logs every request with its route and counts per route', async () => {
		await fetch(`${sandbox.baseUrl('/things-api')}/things?pageSize=5`, { headers: auth });
		await fetch(`${sandbox.baseUrl('/things-api')}/things/1`);
		await fetch(`${sandbox.baseUrl('/things-api')}/things/2`);
		await fetch(`${sandbox.url}/nowhere`);
		expect(sandbox.counts()).toEqual({
			'GET /things-api/things': 1,
			'GET /things-api/things/:id': 2,
			unmatched: 1,
		});
		expect(sandbox.log[0]).toMatchObject({ method: 'GET', path: '/things-api/things', query: { pageSize: '5' }, status: 200 });
		expect(sandbox.log[3].status).toBe(404);
	});

	it('injects a status with Retry-After a given number of times', async () => {
		sandbox.addFault({ route: 'GET /things-api/things/:id', kind: 'status', status: 429, retryAfter: '2', times: 2 });
		const statuses: Array<[number, string | null]> = [];
		for (let i = 0; i < 3; i++) {
			const response = await fetch(`${sandbox.baseUrl('/things-api')}/things/1`);
			statuses.push([response.status, response.headers.get('retry-after')]);
		}
		expect(statuses).toEqual([
			[429, '2'],
			[429, '2'],
			[200, null],
		]);
	});

	it('drops connections and sends malformed JSON on request', async () => {
		sandbox.addFault({ route: '/things-api/things/', kind: 'drop' });
		await expect(fetch(`${sandbox.baseUrl('/things-api')}/things/1`)).rejects.toThrow();
		sandbox.addFault({ route: '*', kind: 'malformed' });
		const text = await (await fetch(`${sandbox.baseUrl('/things-api')}/things/1`)).text();
		expect(() => JSON.parse(text)).toThrow();
		expect(sandbox.log.map((entry) => entry.fault)).toEqual(['drop', 'malformed']);
	});

	it('repeats a cursor once when asked', async () => {
		sandbox.addFault({ route: 'GET /things-api/things', kind: 'repeatCursor' });
		const page = async (cursor?: string) =>
			(await (await fetch(`${sandbox.baseUrl('/things-api')}/things?pageSize=10${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth })).json()) as { next?: string };
		const first = await page();
		const second = await page(first.next);
		expect(first.next).toBe('10');
		expect(second.next).toBe('10');
	});

	it('adds latency to every request', async () => {
		sandbox.setLatency(60);
		const started = Date.now();
		await fetch(`${sandbox.baseUrl('/things-api')}/things/1`);
		expect(Date.now() - started).toBeGreaterThanOrEqual(55);
	});

	it('is driven over HTTP by a separate process: faults, log and reset', async () => {
		const control = `${sandbox.url}/__sandbox`;
		expect(await (await fetch(`${control}/health`)).json()).toEqual({ ok: true, url: sandbox.url });
		await fetch(`${control}/faults`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ route: 'GET /things-api/things/:id', kind: 'status', status: 500 }),
		});
		expect((await fetch(`${sandbox.baseUrl('/things-api')}/things/1`)).status).toBe(500);
		const log = (await (await fetch(`${control}/log`)).json()) as { counts: Record<string, number>; total: number };
		expect(log.counts).toEqual({ 'GET /things-api/things/:id': 1 });
		expect(log.total).toBe(1);
		await fetch(`${control}/log`, { method: 'DELETE' });
		await fetch(`${control}/faults`, { method: 'DELETE' });
		expect(sandbox.totalRequests()).toBe(0);
		expect((await fetch(`${sandbox.baseUrl('/things-api')}/things/1`)).status).toBe(200);
	});
});
