import { mediaEdgeList } from './edgeList';

export const { description, execute } = mediaEdgeList({
	operation: 'getComments',
	edge: 'comments',
	what: 'comments',
	pageSize: 50,
	defaultFields: ['id', 'timestamp', 'username', 'text', 'like_count'],
	fieldOptions: [
		{ name: 'From', value: 'from' },
		{ name: 'Hidden', value: 'hidden' },
		{ name: 'ID', value: 'id' },
		{ name: 'Like Count', value: 'like_count' },
		{ name: 'Parent ID', value: 'parent_id' },
		{ name: 'Replies', value: 'replies{id,text,timestamp,username}' },
		{ name: 'Text', value: 'text' },
		{ name: 'Timestamp', value: 'timestamp' },
		{ name: 'Username', value: 'username' },
	],
	fieldsDescription: 'Comment fields to return',
});
