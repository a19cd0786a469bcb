import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { normaliseTagName } from '../../identifiers';
import { simplifyRow } from '../../rows';
import { getNode } from '../../transport';
import { optionsCollection, readFieldRequest, readOptions, readSettings } from '../common.descriptions';
import { tagNameProperty } from './Tag.descriptions';

const properties: INodeProperties[] = [tagNameProperty, simplifyProperty, optionsCollection('tag', false)];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const tagName = normaliseTagName(this.getNode(), { label: 'Tag Name', itemIndex }, this.getNodeParameter('tagName', itemIndex));
	const options = readOptions(this, itemIndex);
	const settings = readSettings(this, itemIndex, options);
	const fields = readFieldRequest(this, itemIndex, 'tag', options, settings.waitForFreshData ? ['is_being_updated'] : []);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const tag = await getNode(this, { kind: 'tag', id: tagName }, fields.text, settings);
	if (!simplify) return tag.value;
	return simplifyRow(tag.value, tag.api === 'graph' ? fields.columns : []);
}
