import { parseTimestamp, shareCreatedAt, shareId, shareNetworkNames } from '../../../nodes/HaiiloShare/shareFields';

const always = () => true;
const never = () => false;

describe('Haiilo Share share fields', () => {
	it.each([
		[{ id: 12 }, '12'],
		[{ Id: 'abc' }, 'abc'],
		[{ shareId: 7 }, '7'],
		[{ share_id: ' 8 ' }, '8'],
		[{ id: null, shareId: 9 }, '9'],
		[{ sharerId: 3 }, undefined],
	])('id of %j is %j', (share, id) => {
		expect(shareId(share)).toBe(id);
	});

	it.each([
		[{ createdAt: '2024-01-01T00:00:00Z' }, Date.UTC(2024, 0, 1)],
		[{ CreatedAt: '2024-01-01T01:00:00+01:00' }, Date.UTC(2024, 0, 1)],
		[{ created: 1704067200 }, Date.UTC(2024, 0, 1)],
		[{ createdTime: 1704067200000 }, Date.UTC(2024, 0, 1)],
		[{ sharedAt: '1704067200' }, Date.UTC(2024, 0, 1)],
		[{ shared_at: '2024-01-01T00:00:00Z' }, Date.UTC(2024, 0, 1)],
		[{ date: '2024-01-01T00:00:00.000Z' }, Date.UTC(2024, 0, 1)],
		[{ timestamp: '2024-01-01T00:00:00Z' }, Date.UTC(2024, 0, 1)],
		[{ createdAt: 'soon' }, undefined],
		[{ other: '2024-01-01T00:00:00Z' }, undefined],
	])('time of %j', (share, expected) => {
		expect(shareCreatedAt(share)).toBe(expected);
	});

	it('parses seconds and milliseconds', () => {
		expect(parseTimestamp(1_700_000_000)).toBe(1_700_000_000_000);
		expect(parseTimestamp(1_700_000_000_123)).toBe(1_700_000_000_123);
		expect(parseTimestamp(undefined)).toBeUndefined();
	});

	it.each([
		[{ network: 'Instagram' }, ['Instagram']],
		[{ networkName: 'LinkedIn' }, ['LinkedIn']],
		[{ socialNetwork: 'XING' }, ['XING']],
		[{ NetworkType: 'Facebook' }, ['Facebook']],
		[{ network: { name: 'Instagram' } }, ['Instagram']],
		[{ network: { displayName: 'Instagram' } }, ['Instagram']],
		[{ network: { type: 'INSTAGRAM' } }, ['INSTAGRAM']],
		[{ network: { id: 3 }, networkName: 'Instagram' }, ['Instagram']],
		[{ network: '' }, []],
		[{ networks: ['A', { name: 'B' }] }, ['A', 'B']],
		[{ network: 5 }, ['5']],
	])('network names of %j', (share, names) => {
		expect(shareNetworkNames(share, never)).toEqual(names);
	});

	it('reads channel fields only through the network-name check', () => {
		expect(shareNetworkNames({ channel: 'Instagram' }, never)).toEqual([]);
		expect(shareNetworkNames({ channel: 'Instagram' }, always)).toEqual(['Instagram']);
		expect(shareNetworkNames({ channelName: { name: 'Instagram' } }, always)).toEqual(['Instagram']);
		expect(shareNetworkNames({ network: 'LinkedIn', channel: 'Instagram' }, always)).toEqual(['LinkedIn']);
	});
});
