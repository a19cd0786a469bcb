import type { INode } from 'n8n-workflow';

import { dayInTimeZone } from '../../../nodes/Data365/actions/common.descriptions';
import { normaliseMediaId, normaliseTagName, normaliseUsername } from '../../../nodes/Data365/identifiers';

const node = { name: 'Data365', type: 'data365', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const ref = { label: 'X' };

describe('Data365 identifiers', () => {
	it.each([
		['spacex', 'spacex'],
		[' @spacex ', 'spacex'],
		['https://www.instagram.com/spacex/', 'spacex'],
		['instagram.com/nasa?hl=en', 'nasa'],
		['13460080', '13460080'],
	])('username %j → %j', (input, output) => expect(normaliseUsername(node, ref, input)).toBe(output));

	it.each([
		['#juice', 'juice'],
		['juice', 'juice'],
		['##café', 'café'],
		['https://www.instagram.com/explore/tags/spacex/', 'spacex'],
	])('tag %j → %j', (input, output) => expect(normaliseTagName(node, ref, input)).toBe(output));

	it.each([
		['1770093817144369706', '1770093817144369706'],
		['BiQovLGAWIq', 'BiQovLGAWIq'],
		['https://www.instagram.com/p/BiQovLGAWIq/', 'BiQovLGAWIq'],
		['https://instagram.com/reel/C1a-b_c/?igsh=1', 'C1a-b_c'],
	])('media %j → %j', (input, output) => expect(normaliseMediaId(node, ref, input)).toBe(output));

	it('refuses what is not a name', () => {
		expect(() => normaliseUsername(node, ref, 'two words')).toThrow('Invalid "X": "two words" is not an Instagram username');
		expect(() => normaliseTagName(node, ref, 'a#b')).toThrow('Invalid "X": "a#b" is not a hashtag');
		expect(() => normaliseMediaId(node, ref, 'a/b')).toThrow('Invalid "X": "a/b" is not a media ID or shortcode');
		expect(() => normaliseTagName(node, ref, '')).toThrow('Invalid "X": a value is required');
	});

	it('gives the calendar day in a time zone', () => {
		const instant = new Date('2024-05-01T02:00:00Z');
		expect(dayInTimeZone(instant, 'UTC')).toBe('2024-05-01');
		expect(dayInTimeZone(instant, 'America/New_York')).toBe('2024-04-30');
		expect(dayInTimeZone(instant, 'Asia/Tokyo')).toBe('2024-05-01');
	});
});
