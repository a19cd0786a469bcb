import type { INodeProperties } from 'n8n-workflow';

export const tagNameProperty: INodeProperties = {
	displayName: 'Tag Name',
	name: 'tagName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'juice',
	description: 'The hashtag, with or without #',
};
