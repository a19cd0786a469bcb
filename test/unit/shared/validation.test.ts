import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { splitIntoWindows, toIsoDay, toUnixSeconds, wallClockToDate } from '../../../nodes/shared/dates';
import {
	assertDateOrder,
	parseDateParameter,
	parseList,
	requireIntegerInRange,
	requireNonEmpty,
	requirePositiveInteger,
} from '../../../nodes/shared/validation';

const node: INode = { id: '1', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
const from = { label: 'From', itemIndex: 0 };

describe('parseDateParameter', () => {
	it('reads RFC 3339 with Z or an offset, with or without a colon', () => {
		expect(parseDateParameter(node, from, '2024-05-01T09:00:00Z')?.toISOString()).toBe('2024-05-01T09:00:00.000Z');
		expect(parseDateParameter(node, from, '2024-05-01T09:00:00+02:00')?.toISOString()).toBe('2024-05-01T07:00:00.000Z');
		expect(parseDateParameter(node, from, '2018-01-11T08:00:00+0000')?.toISOString()).toBe('2018-01-11T08:00:00.000Z');
	});
	it('reads a date or wall-clock time without zone in the workflow time zone', () => {
		expect(parseDateParameter(node, from, '2024-05-01', { timeZone: 'UTC' })?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
		expect(parseDateParameter(node, from, '2024-07-01T09:30:00', { timeZone: 'Europe/Berlin' })?.toISOString()).toBe(
			'2024-07-01T07:30:00.000Z',
		);
		expect(parseDateParameter(node, from, '2024-01-15 09:30', { timeZone: 'America/New_York' })?.toISOString()).toBe(
			'2024-01-15T14:30:00.000Z',
		);
	});
	it('reads n8n DateTime values, JS dates and UNIX timestamps', () => {
		const luxonLike = { toJSDate: () => new Date('2024-05-01T00:00:00Z') };
		expect(parseDateParameter(node, from, luxonLike)?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
		expect(parseDateParameter(node, from, new Date(0))?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
		expect(parseDateParameter(node, from, 1714521600)?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
		expect(parseDateParameter(node, from, '1714521600000')?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
	});
	it('returns undefined for an empty optional date and names the parameter otherwise', () => {
		expect(parseDateParameter(node, from, '')).toBeUndefined();
		expect(() => parseDateParameter(node, from, '', { required: true })).toThrow('Invalid "From": a date is required');
		expect(() => parseDateParameter(node, from, 'last tuesday')).toThrow('Invalid "From": "last tuesday" is not a date');
		expect(() => parseDateParameter(node, from, '2024-13-45')).toThrow(NodeOperationError);
	});
});

describe('other checks', () => {
	it('rejects from after to, naming both', () => {
		expect(() =>
			assertDateOrder(
				node,
				{ ref: from, date: new Date('2024-02-01T00:00:00Z') },
				{ ref: { label: 'To' }, date: new Date('2024-01-01T00:00:00Z') },
			),
		).toThrow('Invalid "From": 2024-02-01T00:00:00.000Z is after "To" (2024-01-01T00:00:00.000Z)');
		expect(() =>
			assertDateOrder(node, { ref: from, date: new Date(1) }, { ref: { label: 'To' }, date: undefined }),
		).not.toThrow();
	});
	it('checks whole numbers and ranges', () => {
		expect(requirePositiveInteger(node, { label: 'Limit' }, 5)).toBe(5);
		expect(requirePositiveInteger(node, { label: 'Limit' }, '7')).toBe(7);
		expect(() => requirePositiveInteger(node, { label: 'Limit' }, 0)).toThrow('Invalid "Limit": 0 is not a whole number 1 or more');
		expect(() => requirePositiveInteger(node, { label: 'Limit' }, 2.5)).toThrow('Invalid "Limit"');
		expect(() => requireIntegerInRange(node, { label: 'Last Days' }, 31, 1, 30)).toThrow(
			'Invalid "Last Days": 31 is not a whole number from 1 to 30',
		);
	});
	it('requires non-empty IDs, trimmed', () => {
		expect(requireNonEmpty(node, { label: 'Media ID' }, ' 178 ')).toBe('178');
		expect(requireNonEmpty(node, { label: 'Media ID' }, 178)).toBe('178');
		expect(() => requireNonEmpty(node, { label: 'Media ID' }, '  ')).toThrow('Invalid "Media ID": a value is required');
		expect(() => requireNonEmpty(node, { label: 'Media ID' }, undefined)).toThrow('Invalid "Media ID"');
	});
	it('splits lists', () => {
		expect(parseList('a, b;c  d')).toEqual(['a', 'b', 'c', 'd']);
		expect(parseList([' x ', '', 'y'])).toEqual(['x', 'y']);
		expect(parseList(undefined)).toEqual([]);
	});
});

describe('dates', () => {
	it('splits a range into windows of at most N days', () => {
		const windows = splitIntoWindows(new Date('2024-01-01T00:00:00Z'), new Date('2024-03-05T00:00:00Z'), 30);
		expect(windows.map((w) => [toIsoDay(w.since), toIsoDay(w.until)])).toEqual([
			['2024-01-01', '2024-01-31'],
			['2024-01-31', '2024-03-01'],
			['2024-03-01', '2024-03-05'],
		]);
		expect(splitIntoWindows(new Date(5), new Date(5), 30)).toEqual([]);
	});
	it('converts to UNIX seconds and handles DST edges', () => {
		expect(toUnixSeconds(new Date('2024-05-01T00:00:00.999Z'))).toBe(1714521600);
		expect(wallClockToDate('2024-03-31T03:30:00', 'Europe/Berlin')?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
		expect(wallClockToDate('not a date', 'UTC')).toBeUndefined();
	});
});

describe('impossible calendar dates', () => {
	it('rejects a day past the end of its month, with or without a zone', () => {
		expect(() => parseDateParameter(node, from, '2023-02-30T10:00:00Z')).toThrow('Invalid "From": "2023-02-30T10:00:00Z" is not a date');
		expect(() => parseDateParameter(node, from, '2023-04-31')).toThrow('Invalid "From"');
		expect(parseDateParameter(node, from, '2024-02-29T00:00:00Z')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
	});
});
