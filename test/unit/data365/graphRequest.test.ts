import {
	checkGraphRequest,
	columnsOf,
	connectionRequest,
	mergeSelections,
	parseGraphRequest,
	quoteCursor,
	serializeGraphRequest,
} from '../../../nodes/Data365/graphRequest';

describe('Data365 graph requests', () => {
	it('parses and re-serialises the seed\'s examples (whitespace and newlines dropped)', () => {
		const seed = `id,username,media.first(1){edges{node{shortcode,created_time,
location{id,name,slug,has_public_page},
owner{id,username,full_name,profile_pic_url},
comments.first(1){edges{node{id,parent_id,created_time,timestamp,text,
owner{id,username,full_name,profile_pic_url}}}}}}}`;
		expect(serializeGraphRequest(parseGraphRequest(seed))).toBe(seed.replace(/\s+/g, ''));
		const paging = 'id,media.first(3).after("YXJyYXljb25uZWN0aW9uOjI="){page_info{has_next_page,start_cursor,end_cursor},edges{node{id}}}';
		const parsed = parseGraphRequest(paging);
		expect(parsed[1]).toEqual({
			name: 'media',
			calls: [
				{ name: 'first', args: ['3'] },
				{ name: 'after', args: ['"YXJyYXljb25uZWN0aW9uOjI="'] },
			],
			children: [
				{ name: 'page_info', calls: [], children: ['has_next_page', 'start_cursor', 'end_cursor'].map((name) => ({ name, calls: [] })) },
				{ name: 'edges', calls: [], children: [{ name: 'node', calls: [], children: [{ name: 'id', calls: [] }] }] },
			],
		});
		expect(serializeGraphRequest(parsed)).toBe(paging);
	});

	it.each([
		['', 'The graph request is empty'],
		['id,', 'Expected a field after "," at character 4 (at the end)'],
		['id,,x', 'Expected a field name at character 4 (near ",x")'],
		['owner{id', 'Missing "}" at character 9 (at the end)'],
		['owner{}', 'Expected at least one field at character 7 (near "}")'],
		['id}', 'Unexpected "}" at character 3 (near "}")'],
		['media.first(3', 'Missing ")" at character 14 (at the end)'],
		['media.after("abc){id}', 'Unclosed quote at character 13 (near ""abc){id}")'],
		['id username', 'Expected "," between fields at character 4 (near "username")'],
		['media.first{id}', 'Expected "(" after ".first" at character 12 (near "{id}")'],
	])('refuses %j: %s', (text, message) => {
		expect(checkGraphRequest(text)).toEqual({ ok: false, message });
	});

	it('merges repeated fields and their sub-selections', () => {
		const merged = mergeSelections(parseGraphRequest('id,owner{id,username},caption,owner{id,full_name},id'));
		expect(serializeGraphRequest(merged)).toBe('id,owner{id,username,full_name},caption');
	});

	it('builds one page of a connection, quoting and escaping the cursor', () => {
		expect(connectionRequest('media', 50, undefined, 'id,caption')).toBe(
			'media.first(50){page_info{has_next_page,end_cursor},edges{node{id,caption}}}',
		);
		expect(connectionRequest('comments', 2, 'YXJy=', 'id')).toBe(
			'comments.first(2).after("YXJy="){page_info{has_next_page,end_cursor},edges{node{id}}}',
		);
		expect(quoteCursor('a"b\\c')).toBe('"a\\"b\\\\c"');
		expect(serializeGraphRequest(parseGraphRequest(`media.after(${quoteCursor('a"b')}){id}`))).toBe('media.after("a\\"b"){id}');
	});

	it('names the columns of a simplified row', () => {
		expect(
			columnsOf(parseGraphRequest('id,owner{id,username},location{id},comments.first(1){edges{node{id}}},tags')),
		).toEqual(['id', 'owner.id', 'owner.username', 'location.id', 'comments', 'tags']);
	});
});
