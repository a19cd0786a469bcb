import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { runPoll } from '../../harness/engine';
import { HOST, TOKEN, credentials, fakeTime, registry, sharesApi } from '../../fixtures/haiilo/registry';

const time = fakeTime();
let now = 0;

beforeAll(() => nock.disableNetConnect());
beforeEach(() => time.install(() => now));
afterEach(() => {
	time.restore();
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const T0 = Date.UTC(2024, 2, 1, 12, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const share = (id: number, minutes: number, network = 'Instagram'): IDataObject => ({
	id,
	sharerId: 40 + id,
	network,
	createdAt: at(minutes),
});

function poll(staticData: IDataObject, parameters: IDataObject = {}, mode: 'trigger' | 'manual' = 'trigger') {
	return runPoll(registry, { type: 'haiiloShareTrigger', parameters, credentials, staticData, mode });
}

describe('Haiilo Share Trigger', () => {
	it('starts from the moment of activation: the first poll sends nothing and emits nothing', async () => {
		now = T0;
		const staticData: IDataObject = {};

		const first = await poll(staticData);

		expect(first.returned).toBeNull();
		expect(staticData).toEqual({ activatedAt: at(0), lastPollEnd: at(0), emitted: {} });
	});

	it('emits each share once across three polls, including shares stored late and shares arriving mid-poll', async () => {
		const staticData: IDataObject = {};
		now = T0;
		await poll(staticData);

		// Poll 1 (T0+10 min): reads from the activation, not before.
		now = T0 + 10 * 60_000;
		const api1 = sharesApi([{ body: { shares: [share(1, 2), share(2, 9.99)] } }]);
		const poll1 = await poll(staticData);
		expect(api1.seen.map((request) => request.query)).toEqual([{ from: at(0), to: at(10) }]);
		expect(poll1.json.map((row) => row.id)).toEqual([1, 2]);
		expect(staticData).toEqual({
			activatedAt: at(0),
			lastPollEnd: at(10),
			// Only shares the next poll reads again (time >= T0+5 min) are remembered.
			emitted: { 'id:2': T0 + 9.99 * 60_000 },
		});

		// Poll 2 (T0+20 min): reaches 5 minutes back. Share 2 is read again and not
		// emitted; share 3 is dated before poll 1 ended but was stored after it;
		// share 5 arrived while poll 2 was paging (page 2).
		now = T0 + 20 * 60_000;
		const api2 = sharesApi([
			{ body: { next: 'after=3', shares: [share(2, 9.99), share(3, 9.97)] } },
			{ body: { shares: [share(4, 15), share(5, 19.99)] } },
		]);
		const poll2 = await poll(staticData);
		expect(api2.seen.map((request) => request.query)).toEqual([
			{ from: at(5), to: at(20) },
			{ from: at(5), to: at(20), after: '3' },
		]);
		expect(poll2.json.map((row) => row.id)).toEqual([3, 4, 5]);
		expect(staticData.emitted).toEqual({ 'id:4': T0 + 15 * 60_000, 'id:5': T0 + 19.99 * 60_000 });

		// Poll 3 (T0+30 min): 4 and 5 come again and are skipped; 6 was stored late.
		now = T0 + 30 * 60_000;
		const api3 = sharesApi([{ body: { shares: [share(4, 15), share(6, 18), share(5, 19.99), share(7, 25)] } }]);
		const poll3 = await poll(staticData);
		expect(api3.seen.map((request) => request.query)).toEqual([{ from: at(15), to: at(30) }]);
		expect(poll3.json).toEqual([
			{ id: 6, sharerId: 46, network: 'Instagram', createdAt: at(18) },
			{ id: 7, sharerId: 47, network: 'Instagram', createdAt: at(25) },
		]);
		expect(staticData).toEqual({
			activatedAt: at(0),
			lastPollEnd: at(30),
			emitted: { 'id:7': T0 + 25 * 60_000 },
		});

		// Poll 4 (T0+40 min): nothing new.
		now = T0 + 40 * 60_000;
		sharesApi([{ body: { shares: [share(7, 25)] } }]);
		expect((await poll(staticData)).returned).toBeNull();
		expect(staticData.lastPollEnd).toBe(at(40));
	});

	it('emits only shares to the chosen networks', async () => {
		const staticData: IDataObject = { activatedAt: at(0), lastPollEnd: at(0), emitted: {} };
		now = T0 + 10 * 60_000;
		sharesApi([
			{
				body: {
					shares: [share(1, 1, 'LinkedIn'), share(2, 2, 'instagram'), { id: 3, createdAt: at(3), text: 'via Instagram' }, share(4, 4, 'Weibo')],
				},
			},
		]);

		const result = await poll(staticData, { networks: ['instagram'], otherNetworks: 'Weibo' });

		expect(result.json.map((row) => row.id)).toEqual([2, 3, 4]);
		// All three are older than the next poll's window (T0+5 min on): nothing to remember.
		expect(staticData).toEqual({ activatedAt: at(0), lastPollEnd: at(10), emitted: {} });
	});

	it('keeps its position when a poll fails, so the next poll reads the window again', async () => {
		const staticData: IDataObject = { activatedAt: at(0), lastPollEnd: at(10), emitted: { 'id:2': T0 + 9 * 60_000 } };
		const before = JSON.parse(JSON.stringify(staticData));
		now = T0 + 20 * 60_000;
		sharesApi([
			{ body: { next: 'after=3', shares: [share(2, 9), share(3, 12)] } },
			{ status: 401, body: { message: `Bearer ${TOKEN} is not valid` } },
		]);

		await expect(poll(staticData)).rejects.toThrow('Bearer [redacted] is not valid');
		expect(staticData).toEqual(before);

		now = T0 + 21 * 60_000;
		const api = sharesApi([{ body: { shares: [share(2, 9), share(3, 12), share(4, 20.5)] } }]);
		const retried = await poll(staticData);
		expect(api.seen[0].query).toEqual({ from: at(5), to: at(21) });
		expect(retried.json.map((row) => row.id)).toEqual([3, 4]);
	});

	it('tells expired tokens apart with a hint and never shows the token', async () => {
		const staticData: IDataObject = { activatedAt: at(0), lastPollEnd: at(0), emitted: {} };
		now = T0 + 60_000;
		sharesApi([{ status: 401, body: { message: 'Unauthorized', token: TOKEN } }]);

		const error = await poll(staticData).then(
			() => undefined,
			(caught: Error & { description?: string }) => caught,
		);

		expect(error?.message).toBe('Unauthorized');
		expect(error?.description).toMatch(/when the user who created it is deleted/);
		expect(JSON.stringify(error)).not.toContain(TOKEN);
	});

	it('uses the Overlap option for how far back each poll reaches', async () => {
		const staticData: IDataObject = { activatedAt: at(0), lastPollEnd: at(30), emitted: {} };
		now = T0 + 40 * 60_000;
		const api = sharesApi([{ body: { shares: [] } }]);

		await poll(staticData, { options: { overlapSeconds: 60 } });

		expect(api.seen[0].query).toEqual({ from: at(29), to: at(40) });
		expect(staticData).toEqual({ activatedAt: at(0), lastPollEnd: at(40), emitted: {} });
	});

	it('deduplicates shares without an id or a time by their content', async () => {
		const staticData: IDataObject = { activatedAt: at(0), lastPollEnd: at(0), emitted: {} };
		const anonymous = { network: 'Instagram', sharerId: 3, message: 'no id here' };
		now = T0 + 60_000;
		sharesApi([{ body: [anonymous] }]);
		expect((await poll(staticData)).json).toEqual([{ network: 'Instagram', sharerId: 3, message: 'no id here' }]);

		now = T0 + 2 * 60_000;
		sharesApi([{ body: [anonymous] }]);
		expect((await poll(staticData)).returned).toBeNull();
	});

	it('returns the shares as Haiilo Share gives them with Simplify off, and flat rows with it on', async () => {
		const nested = { id: 9, network: { name: 'Instagram' }, createdAt: at(1), post: { id: 2, title: 'Hi' } };
		now = T0 + 2 * 60_000;
		sharesApi([{ body: [nested] }]);
		const raw = await poll({ activatedAt: at(0), lastPollEnd: at(0), emitted: {} }, { simplify: false });
		expect(raw.json).toEqual([nested]);

		sharesApi([{ body: [nested] }]);
		const flat = await poll({ activatedAt: at(0), lastPollEnd: at(0), emitted: {} });
		expect(flat.json).toEqual([{ id: 9, 'network.name': 'Instagram', createdAt: at(1), 'post.id': 2, 'post.title': 'Hi' }]);
	});

	describe('Fetch Test Event (manual mode)', () => {
		it('returns the five latest shares of the last day, newest first, and leaves the position alone', async () => {
			const staticData: IDataObject = { activatedAt: at(0), lastPollEnd: at(0), emitted: { 'id:1': T0 } };
			const before = JSON.parse(JSON.stringify(staticData));
			now = T0 + 24 * 60 * 60_000;
			const api = sharesApi([
				{ body: { next: 'after=4', shares: [share(1, 60), share(2, 120), share(3, 180), share(4, 240)] } },
				{ body: { shares: [share(5, 300), share(6, 30, 'LinkedIn'), share(7, 360), share(8, 90)] } },
			]);

			const result = await poll(staticData, {}, 'manual');

			expect(api.seen[0].query).toEqual({ from: at(0), to: at(24 * 60) });
			expect(result.json.map((row) => row.id)).toEqual([7, 5, 4, 3, 2]);
			expect(staticData).toEqual(before);
		});

		it('looks back 7, then 30 days when the last day has no shares, and returns nothing when none', async () => {
			now = T0;
			const api = sharesApi([
				{ body: { shares: [] } },
				{ body: { shares: [share(1, -3 * 24 * 60, 'LinkedIn')] } },
				{ body: { shares: [share(2, -20 * 24 * 60)] } },
			]);

			const result = await poll({}, { networks: ['instagram'] }, 'manual');

			expect(api.seen.map((request) => request.query.from)).toEqual([at(-24 * 60), at(-7 * 24 * 60), at(-30 * 24 * 60)]);
			expect(result.json.map((row) => row.id)).toEqual([2]);

			sharesApi([{ body: { shares: [] } }, { body: { shares: [] } }, { body: { shares: [] } }]);
			const empty = await poll({}, {}, 'manual');
			expect(empty.returned).toBeNull();
		});

		it('reports failures in manual mode', async () => {
			now = T0;
			nock(HOST).get(/.*/).reply(403, { message: 'Access tokens are disabled' });
			await expect(poll({}, {}, 'manual')).rejects.toThrow('Access tokens are disabled');
		});
	});
});
