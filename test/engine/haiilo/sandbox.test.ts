import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { generateShares, haiiloModule, SHARES_ROUTE, type NextForm, type ShareRecord } from '../../../sandbox/providers/haiilo';
import { startSandbox, type Fault, type Sandbox, type SandboxModule } from '../../../sandbox/server';
import { runNode, runPoll } from '../../harness/engine';
import { credentialsFor, fakeTime, registry } from '../../fixtures/haiilo/registry';

/** The same workflows as the nock tests, against the emulator over real HTTP. */

const time = fakeTime();
const SEED = 42;
const SIZE = 2500;
const FROM = '2024-01-10T00:00:00.000Z';
const TO = '2024-02-20T00:00:00.000Z';

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
beforeEach(() => time.install());
afterEach(() => time.restore());
// Leave nock fully open: a restricted state left behind breaks nock in the next test file of this worker.
afterAll(() => nock.enableNetConnect());

const all = generateShares(SEED, SIZE);
const inRange = all.filter((share) => String(share.createdAt) >= FROM && String(share.createdAt) <= TO);

async function withSandbox<T>(module: SandboxModule, run: (sandbox: Sandbox) => Promise<T>): Promise<T> {
	const sandbox = await startSandbox({ modules: [module], seed: SEED, size: SIZE });
	try {
		return await run(sandbox);
	} finally {
		await sandbox.close();
	}
}

function node(sandbox: Sandbox, parameters: IDataObject, token?: string) {
	return runNode(registry, {
		type: 'haiiloShare',
		parameters: { resource: 'share', ...parameters },
		credentials: credentialsFor(sandbox.baseUrl('/haiilo'), token),
	});
}

describe('Haiilo Share against the sandbox', () => {
	it('has a range that spans several pages', () => {
		expect(inRange.length).toBeGreaterThan(1000);
		expect(inRange.length).toBeLessThan(2000);
	});

	describe.each<NextForm>(['fragment', 'token', 'url'])('with `next` as a %s', (nextForm) => {
		it('Get Many with Return All reads every share in the range, 1000 a page', async () => {
			await withSandbox(haiiloModule({ nextForm }), async (sandbox) => {
				const result = await node(sandbox, { operation: 'getAll', from: FROM, to: TO, returnAll: true, simplify: false });

				expect(result.status).toBe('success');
				expect(result.json()).toEqual(inRange);
				expect(sandbox.counts()).toEqual({ [SHARES_ROUTE]: 2 });
				const second = sandbox.log[1];
				expect(second.query.from).toBe(FROM);
				expect(second.query.to).toBe(TO);
				if (nextForm === 'token') expect(Object.values(second.query)).toContain('');
				else expect(second.query.after).toBe(String(inRange[999].id));
				expect(second.headers.authorization).toBe('Bearer hst_live_9f8e7d6c5b4a39281706');
			});
		});

		it('Get Many with a Limit of 1001 stops after the second page', async () => {
			await withSandbox(haiiloModule({ nextForm }), async (sandbox) => {
				const result = await node(sandbox, { operation: 'getAll', returnAll: false, limit: 1001, simplify: false });
				expect(result.json()).toEqual(all.slice(0, 1001));
				expect(sandbox.totalRequests()).toBe(2);
			});
		});
	});

	it('Count by Network gives the counts computed from the fixture', async () => {
		const expected = new Map<string, number>();
		for (const share of inRange) expected.set(String(share.network), (expected.get(String(share.network)) ?? 0) + 1);

		await withSandbox(haiiloModule(), async (sandbox) => {
			const result = await node(sandbox, { operation: 'countByNetwork', from: FROM, to: TO });
			const byName = Object.fromEntries(result.json().map((row) => [row.network, row.shares]));
			expect(byName).toEqual({
				Facebook: expected.get('Facebook'),
				Instagram: expected.get('Instagram'),
				LinkedIn: expected.get('LinkedIn'),
				'X (Twitter)': expected.get('Twitter'),
				XING: expected.get('XING'),
			});
			const counts = result.json().map((row) => row.shares as number);
			expect(counts).toEqual([...counts].sort((a, b) => b - a));
			expect(sandbox.totalRequests()).toBe(2);
		});
	});

	it('reads the `data` wrapper and the bare array', async () => {
		await withSandbox(haiiloModule({ wrapper: 'data', pageSize: 700 }), async (sandbox) => {
			const result = await node(sandbox, { operation: 'getAll', from: FROM, to: TO, returnAll: true, simplify: false });
			expect(result.json()).toEqual(inRange);
			expect(sandbox.totalRequests()).toBe(Math.ceil(inRange.length / 700));
		});
		await withSandbox(haiiloModule({ wrapper: 'array' }), async (sandbox) => {
			const result = await node(sandbox, { operation: 'countByNetwork', networks: ['instagram'] });
			expect(result.json()).toEqual([
				{ network: 'Instagram', shares: all.filter((share) => share.network === 'Instagram').length, from: null, to: null, method: 'field' },
			]);
		});
	});

	it('is refused without the right token, with the hint', async () => {
		await withSandbox(haiiloModule({ token: 'the-right-token' }), async (sandbox) => {
			const result = await node(sandbox, { operation: 'getAll', returnAll: true }, 'a-wrong-token');
			expect(result.error?.message).toBe('Authorization has been denied for this request.');
			expect(result.error?.description).toMatch(/Settings > Access tokens/);
			expect(JSON.stringify(result.run)).not.toContain('a-wrong-token');
		});
	});

	describe('fault injection', () => {
		it.each<[string, Omit<Fault, 'route'>]>([
			['a 503', { kind: 'status', status: 503 }],
			['a dropped connection', { kind: 'drop' }],
			['a malformed body', { kind: 'malformed' }],
			['a 429 with Retry-After', { kind: 'status', status: 429, retryAfter: '2' }],
		])('retries %s and still reads everything', async (_name, fault) => {
			await withSandbox(haiiloModule(), async (sandbox) => {
				sandbox.addFault({ route: SHARES_ROUTE, ...fault });
				const result = await node(sandbox, { operation: 'countByNetwork', from: FROM, to: TO });
				expect(result.status).toBe('success');
				expect(result.json().reduce((sum, row) => sum + (row.shares as number), 0)).toBe(inRange.length);
				expect(sandbox.totalRequests()).toBe(3);
				expect(time.waits).toEqual([fault.retryAfter ? 2000 : 500]);
			});
		});

		it('stops when the API repeats its next value', async () => {
			await withSandbox(haiiloModule(), async (sandbox) => {
				sandbox.addFault({ route: SHARES_ROUTE, kind: 'repeatCursor', times: 5 });
				const result = await node(sandbox, { operation: 'getAll', returnAll: true });
				expect(result.error?.message).toBe(
					'The API returned the same next-page value twice while listing shares; stopped to avoid an endless loop',
				);
			});
		});
	});

	it('the trigger emits each share once over three polls while shares keep arriving, some mid-poll', async () => {
		const T0 = Date.UTC(2024, 5, 1, 9);
		const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
		const shares: ShareRecord[] = [];
		const add = (id: number, minutes: number, network = 'Instagram') => shares.push({ id, network, createdAt: at(minutes) });
		const module = haiiloModule({ shares, pageSize: 2 });
		// Shares stored while the trigger pages: pushed after the first page of a poll is served.
		let onFirstPage: (() => void) | undefined;
		const arriving: SandboxModule = {
			...module,
			routes: (context) =>
				module.routes(context).map((route) => ({
					...route,
					handler: async (request) => {
						const reply = await route.handler(request);
						if (!request.rawQuery.includes('after=')) {
							onFirstPage?.();
							onFirstPage = undefined;
						}
						return reply;
					},
				})),
		};
		let now = T0;
		time.install(() => now);
		const staticData: IDataObject = {};

		await withSandbox(arriving, async (sandbox) => {
			const poll = () =>
				runPoll(registry, {
					type: 'haiiloShareTrigger',
					parameters: { networks: ['instagram'] },
					credentials: credentialsFor(sandbox.baseUrl('/haiilo')),
					staticData,
				});
			add(1, -1);
			expect((await poll()).returned).toBeNull();

			now = T0 + 10 * 60_000;
			add(2, 3);
			add(3, 6);
			add(4, 8, 'LinkedIn');
			add(5, 9);
			onFirstPage = () => {
				add(6, 9.9); // after the cursor: read by this poll
				add(12, 5.5); // behind the cursor: missed by this poll, read by the next (overlap)
			};
			expect((await poll()).json.map((row) => row.id)).toEqual([2, 3, 5, 6]);

			now = T0 + 20 * 60_000;
			add(7, 9.95); // dated before poll 1 ended, stored after
			add(8, 15);
			onFirstPage = () => add(9, 19.9);
			expect((await poll()).json.map((row) => row.id)).toEqual([12, 7, 8, 9]);

			now = T0 + 30 * 60_000;
			add(10, 19.5); // late again
			add(11, 29);
			expect((await poll()).json.map((row) => row.id)).toEqual([10, 11]);

			now = T0 + 40 * 60_000;
			expect((await poll()).returned).toBeNull();
		});
	});
});
