import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { runNode } from '../../harness/engine';
import { HOST, credentials, fakeTime, makeShares, registry, sharesApi } from '../../fixtures/haiilo/registry';

const time = fakeTime();

beforeAll(() => nock.disableNetConnect());
beforeEach(() => time.install());
afterEach(() => {
	time.restore();
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const FROM = '2023-11-01T00:00:00Z';
const TO = '2023-11-20T00:00:00Z';
const RANGE = { from: '2023-11-01T00:00:00.000Z', to: '2023-11-20T00:00:00.000Z' };

function count(parameters: IDataObject, input?: IDataObject[], continueOnFail = false) {
	return runNode(
		registry,
		{
			type: 'haiiloShare',
			parameters: { resource: 'share', operation: 'countByNetwork', from: FROM, to: TO, ...parameters },
			credentials,
			continueOnFail,
		},
		input,
	);
}

describe('Haiilo Share > Share > Count by Network', () => {
	it('counts by the network field across every page, most shares first', async () => {
		const api = sharesApi([
			{ body: { next: 'after=1000', shares: [...makeShares(600, 1, 'LinkedIn'), ...makeShares(400, 601, 'Instagram')] } },
			{ body: { next: 'after=2000', shares: [...makeShares(500, 1001, 'instagram'), ...makeShares(500, 1501, 'Facebook')] } },
			{ body: { shares: [...makeShares(3, 2001, 'Weibo'), ...makeShares(2, 2004, 'weibo'), ...makeShares(1, 2006, 'X')] } },
		]);

		const result = await count({});

		expect(api.seen.map((request) => request.query)).toEqual([RANGE, { ...RANGE, after: '1000' }, { ...RANGE, after: '2000' }]);
		expect(result.items()).toEqual(
			[
				{ network: 'Instagram', shares: 900, ...RANGE, method: 'field' },
				{ network: 'LinkedIn', shares: 600, ...RANGE, method: 'field' },
				{ network: 'Facebook', shares: 500, ...RANGE, method: 'field' },
				{ network: 'Weibo', shares: 5, ...RANGE, method: 'field' },
				{ network: 'X (Twitter)', shares: 1, ...RANGE, method: 'field' },
			].map((json) => ({ json, pairedItem: { item: 0 } })),
		);
	});

	it('reads the network from any of its likely fields, nested or not, in any case', async () => {
		sharesApi([
			{
				body: [
					{ id: 1, network: 'Instagram' },
					{ id: 2, Network: 'INSTAGRAM' },
					{ id: 3, channel: 'Instagram' },
					{ id: 4, socialNetwork: 'instagram' },
					{ id: 5, networkName: 'Instagram' },
					{ id: 6, channelName: 'Instagram' },
					{ id: 7, network: { name: 'Instagram', id: 4 } },
					{ id: 8, network_name: 'LinkedIn' },
					{ id: 9, platform: 'Twitter' },
					{ id: 10, network: { id: 9 }, networkName: 'XING' },
				],
			},
		]);

		const result = await count({});

		expect(result.json()).toEqual([
			{ network: 'Instagram', shares: 7, ...RANGE, method: 'field' },
			{ network: 'LinkedIn', shares: 1, ...RANGE, method: 'field' },
			{ network: 'X (Twitter)', shares: 1, ...RANGE, method: 'field' },
			{ network: 'XING', shares: 1, ...RANGE, method: 'field' },
		]);
	});

	it("falls back to the seed's keyword search where a share has no network field, once per network, and says so", async () => {
		sharesApi([
			{
				body: {
					shares: [
						// Mentions Instagram twice: still one share.
						{ id: 1, text: 'Shared to Instagram', url: 'https://instagram.com/p/1' },
						{ id: 2, target: 'shareToInstagram' },
						// Mentions two networks: one share for each.
						{ id: 3, text: 'Posted on LinkedIn and on Facebook' },
						// A content channel is not a network.
						{ id: 4, channel: 'Company News', text: 'Fixing the mixing desk' },
						// A key named after a network counts when it is set.
						{ id: 5, instagram: true, linkedin: null },
						{ id: 6, url: 'https://x.com/acme/status/1' },
					],
				},
			},
		]);

		const result = await count({});

		expect(result.json()).toEqual([
			{ network: 'Instagram', shares: 3, ...RANGE, method: 'keyword' },
			{ network: '(unknown)', shares: 1, ...RANGE, method: 'keyword' },
			{ network: 'Facebook', shares: 1, ...RANGE, method: 'keyword' },
			{ network: 'LinkedIn', shares: 1, ...RANGE, method: 'keyword' },
			{ network: 'X (Twitter)', shares: 1, ...RANGE, method: 'keyword' },
		]);
	});

	it('says field+keyword for a network counted both ways', async () => {
		sharesApi([{ body: { shares: [{ id: 1, network: 'Instagram' }, { id: 2, text: 'Instagram story' }, { id: 3, network: 'LinkedIn' }] } }]);

		const result = await count({});

		expect(result.json()).toEqual([
			{ network: 'Instagram', shares: 2, ...RANGE, method: 'field+keyword' },
			{ network: 'LinkedIn', shares: 1, ...RANGE, method: 'field' },
		]);
	});

	it('emits one row per chosen network, zero included, with typed names matched without case', async () => {
		sharesApi([
			{
				body: {
					shares: [
						...makeShares(4, 1, 'Instagram'),
						...makeShares(2, 5, 'LinkedIn'),
						...makeShares(3, 7, 'WEIBO'),
						{ id: 10, text: 'Shared to Instagram' },
					],
				},
			},
		]);

		const result = await count({ networks: ['instagram', 'facebook'], otherNetworks: 'weibo, Mastodon' });

		expect(result.json()).toEqual([
			{ network: 'Instagram', shares: 5, ...RANGE, method: 'field+keyword' },
			{ network: 'weibo', shares: 3, ...RANGE, method: 'field' },
			{ network: 'Facebook', shares: 0, ...RANGE, method: 'field+keyword' },
			{ network: 'Mastodon', shares: 0, ...RANGE, method: 'field+keyword' },
		]);
	});

	it('gives from and to as null when they are not set, and counts nothing as no rows', async () => {
		sharesApi([{ body: { shares: [] } }]);
		const result = await count({ from: '', to: '' });
		expect(result.status).toBe('success');
		expect(result.json()).toEqual([]);

		sharesApi([{ body: { shares: makeShares(2, 1, 'Instagram') } }]);
		const counted = await count({ from: '', to: '' });
		expect(counted.json()).toEqual([{ network: 'Instagram', shares: 2, from: null, to: null, method: 'field' }]);
	});

	it('reads a wall-clock date in the workflow time zone', async () => {
		const api = sharesApi([{ body: { shares: [] } }]);
		await runNode(registry, {
			type: 'haiiloShare',
			parameters: { resource: 'share', operation: 'countByNetwork', from: '2024-07-01T00:00:00', to: '' },
			credentials,
		});
		expect(api.seen[0].query).toEqual({ from: '2024-07-01T04:00:00.000Z' });
	});

	it('counts per input item, each row paired with its item', async () => {
		sharesApi([{ body: { shares: makeShares(2, 1, 'Instagram') } }, { body: { shares: makeShares(1, 3, 'XING') } }]);

		const result = await count({}, [{}, {}]);

		expect(result.items().map((item) => [item.json.network, item.json.shares, item.pairedItem])).toEqual([
			['Instagram', 2, { item: 0 }],
			['XING', 1, { item: 1 }],
		]);
	});

	it('fails on bad input before any request, naming the parameter', async () => {
		nock(HOST).get(/.*/).reply(200, { shares: [] });
		const result = await count({ from: 'yesterday-ish' });
		expect(result.error?.message).toBe('Invalid "From": "yesterday-ish" is not a date');
		const reversed = await count({ from: TO, to: FROM });
		expect(reversed.error?.message).toBe('Invalid "From": 2023-11-20T00:00:00.000Z is after "To" (2023-11-01T00:00:00.000Z)');
		expect(nock.pendingMocks()).toHaveLength(1);
	});

	it('fails on a 401 midway with the hint, and under Continue On Fail emits the error item instead', async () => {
		sharesApi([{ body: { next: 'after=2', shares: makeShares(2, 1) } }, { status: 401, body: { message: 'Invalid token' } }]);
		const failed = await count({});
		expect(failed.error?.message).toBe('Invalid token');
		expect(failed.error?.description).toMatch(/deleted/);

		sharesApi([{ status: 403, body: { message: 'Forbidden' } }]);
		const continued = await count({}, [{}], true);
		expect(continued.items()).toEqual([
			{ json: { error: 'Forbidden', description: expect.stringMatching(/^The access token was refused/) }, pairedItem: { item: 0 } },
		]);
	});
});
