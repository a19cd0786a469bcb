import { simplifyRow, simplifyRows, unwrapConnections } from '../../../nodes/Data365/rows';

describe('Data365 rows', () => {
	it('unwraps edges/node at any depth', () => {
		expect(
			unwrapConnections({ id: '1', comments: { page_info: { has_next_page: false }, edges: [{ node: { id: 'c', owner: { id: 'o' } } }] } }),
		).toEqual({ id: '1', comments: [{ id: 'c', owner: { id: 'o' } }] });
	});

	it('flattens, coerces numbers and booleans sent as strings, joins caption lines', () => {
		expect(
			simplifyRow({
				id: '1',
				like_count: '12',
				comment_count: 'n/a',
				is_being_updated: 'TRUE',
				is_verified: 0,
				caption: ['line one', 'line two'],
				tags: ['a', 'b'],
				owner: { id: '9', username: 'x' },
			}),
		).toEqual({
			id: '1',
			like_count: 12,
			comment_count: 'n/a',
			is_being_updated: true,
			is_verified: false,
			caption: 'line one\nline two',
			tags: 'a, b',
			'owner.id': '9',
			'owner.username': 'x',
		});
	});

	it('puts the requested columns first, null when missing, and drops a null parent of dotted columns', () => {
		expect(simplifyRow({ extra: 1, owner: null, id: '1' }, ['id', 'like_count', 'owner.id', 'owner.username'])).toEqual({
			id: '1',
			like_count: null,
			'owner.id': null,
			'owner.username': null,
			extra: 1,
		});
	});

	it('gives every row the same columns; an object null in one row keeps only its dotted columns', () => {
		expect(simplifyRows([{ id: '1', location: { id: 'L', name: 'Park' } }, { id: '2', location: null }, { id: '3', extra: true }])).toEqual([
			{ id: '1', 'location.id': 'L', 'location.name': 'Park', extra: null },
			{ id: '2', 'location.id': null, 'location.name': null, extra: null },
			{ id: '3', 'location.id': null, 'location.name': null, extra: true },
		]);
	});
});
