import { alignColumns, flattenRow } from '../../../nodes/shared/output';

describe('flattenRow', () => {
	it('flattens nested objects into dotted columns and keeps missing values null', () => {
		expect(
			flattenRow({
				id: '1',
				owner: { id: '9', profile: { name: 'Ann' } },
				caption: null,
				like_count: undefined,
				reach: 0,
				when: new Date('2024-01-01T00:00:00Z'),
				tags: ['a', 'b'],
				children: [{ id: 'c1' }],
				empty: {},
			}),
		).toEqual({
			id: '1',
			'owner.id': '9',
			'owner.profile.name': 'Ann',
			caption: null,
			like_count: null,
			reach: 0,
			when: '2024-01-01T00:00:00.000Z',
			tags: 'a, b',
			children: '[{"id":"c1"}]',
			empty: null,
		});
	});
});

describe('alignColumns', () => {
	it('gives every row every column, null where missing', () => {
		expect(alignColumns([{ a: 1 }, { b: 2 }])).toEqual([
			{ a: 1, b: null },
			{ a: null, b: 2 },
		]);
	});
});
