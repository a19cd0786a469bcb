import type { INodeProperties } from 'n8n-workflow';

import { maxWaitOption } from '../../shared/descriptions';

/** Entries of the "Options" collection that operations share. */

export const profileKeyOption: INodeProperties = {
	displayName: 'Profile Key',
	name: 'profileKey',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'Profile Key of the user profile to read (Business plan), sent as the Profile-Key header. Overrides the credential\'s Profile Key for this item, so one workflow can loop over many profiles with an expression over the input item.',
};

export const failOnPlatformErrorOption: INodeProperties = {
	displayName: 'Fail on Platform Error',
	name: 'failOnPlatformError',
	type: 'boolean',
	default: false,
	description:
		'Whether a network that Ayrshare could not read fails the item. Off: it becomes a row { platform, error: { code, message } } beside the other networks\' rows.',
};

/** The Options collection of an operation: its own entries plus the shared ones. */
export function optionsCollection(entries: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...entries, maxWaitOption, profileKeyOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}
