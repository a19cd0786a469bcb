import type { INodeProperties } from 'n8n-workflow';

export const usernameProperty: INodeProperties = {
	displayName: 'Username',
	name: 'username',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'spacex',
	description: 'The Instagram username, with or without @, or the profile URL',
};
