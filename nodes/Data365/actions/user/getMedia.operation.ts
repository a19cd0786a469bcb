import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { normaliseUsername } from '../../identifiers';
import { simplifyRows } from '../../rows';
import { listEdge } from '../../transport';
import {
	fromDateProperty,
	optionsCollection,
	readDateFilters,
	readFieldRequest,
	readLimit,
	readOptions,
	readSettings,
	toDateProperty,
} from '../common.descriptions';
import { usernameProperty } from './User.descriptions';

const properties: INodeProperties[] = [
	usernameProperty,
	returnAllProperty,
	limitProperty,
	fromDateProperty,
	toDateProperty,
	simplifyProperty,
	optionsCollection('media', true),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getMedia'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const username = normaliseUsername(this.getNode(), { label: 'Username', itemIndex }, this.getNodeParameter('username', itemIndex));
	const limit = readLimit(this, itemIndex);
	const dates = readDateFilters(this, itemIndex);
	const options = readOptions(this, itemIndex);
	const settings = readSettings(this, itemIndex, options);
	const fields = readFieldRequest(this, itemIndex, 'media', options);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const posts = await listEdge(
		this,
		{ kind: 'user', id: username },
		{ edge: 'media', nodeFields: fields.text, limit, dates },
		settings,
	);
	if (!simplify) return posts.value;
	return simplifyRows(posts.value, posts.api === 'graph' ? fields.columns : []);
}
