import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { normaliseUsername } from '../../identifiers';
import { simplifyRow } from '../../rows';
import { getNode } from '../../transport';
import { optionsCollection, readFieldRequest, readOptions, readSettings } from '../common.descriptions';
import { usernameProperty } from './User.descriptions';

const properties: INodeProperties[] = [usernameProperty, simplifyProperty, optionsCollection('user', false)];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const username = normaliseUsername(this.getNode(), { label: 'Username', itemIndex }, this.getNodeParameter('username', itemIndex));
	const options = readOptions(this, itemIndex);
	const settings = readSettings(this, itemIndex, options);
	const fields = readFieldRequest(this, itemIndex, 'user', options, settings.waitForFreshData ? ['is_being_updated'] : []);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const profile = await getNode(this, { kind: 'user', id: username }, fields.text, settings);
	if (!simplify) return profile.value;
	return simplifyRow(profile.value, profile.api === 'graph' ? fields.columns : []);
}
