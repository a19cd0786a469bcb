import type { INodeProperties } from 'n8n-workflow';

export const HASHTAG_MEDIA_FIELDS = [
	'id',
	'timestamp',
	'media_type',
	'permalink',
	'caption',
	'like_count',
	'comments_count',
] as const;

export const hashtagLocator: INodeProperties = {
	displayName: 'Hashtag',
	name: 'hashtagName',
	type: 'resourceLocator',
	default: { mode: 'name', value: '' },
	required: true,
	description:
		'The hashtag, by name (searched first) or by the ID Hashtag > Search returned. Meta lets an Instagram account query 30 unique hashtags per 7 days (a rolling window); querying the same hashtag again does not count twice.',
	modes: [
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. coffee',
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 17843853986012965',
		},
	],
};

export const hashtagMediaFieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'multiOptions',
	options: [
		{ name: 'Caption', value: 'caption' },
		{ name: 'Children', value: 'children{id,media_type,media_url,permalink}' },
		{ name: 'Comments Count', value: 'comments_count' },
		{ name: 'ID', value: 'id' },
		{ name: 'Like Count', value: 'like_count' },
		{ name: 'Media Product Type', value: 'media_product_type' },
		{ name: 'Media Type', value: 'media_type' },
		{ name: 'Media URL', value: 'media_url' },
		{ name: 'Permalink', value: 'permalink' },
		{ name: 'Timestamp', value: 'timestamp' },
	],
	default: [...HASHTAG_MEDIA_FIELDS],
	description: 'Fields of each public media to return (Meta serves no username or owner for hashtag media)',
};
