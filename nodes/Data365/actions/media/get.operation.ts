import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { normaliseMediaId } from '../../identifiers';
import { simplifyRow } from '../../rows';
import { getNode } from '../../transport';
import { optionsCollection, readFieldRequest, readOptions, readSettings } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Media ID or Shortcode',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'BiQovLGAWIq',
		description: 'The numeric media ID, the shortcode, or the post URL (instagram.com/p/…)',
	},
	simplifyProperty,
	optionsCollection('media', false),
];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const mediaId = normaliseMediaId(this.getNode(), { label: 'Media ID or Shortcode', itemIndex }, this.getNodeParameter('mediaId', itemIndex));
	const options = readOptions(this, itemIndex);
	const settings = readSettings(this, itemIndex, options);
	const fields = readFieldRequest(this, itemIndex, 'media', options, settings.waitForFreshData ? ['is_being_updated'] : []);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const media = await getNode(this, { kind: 'media', id: mediaId }, fields.text, settings);
	if (!simplify) return media.value;
	return simplifyRow(media.value, media.api === 'graph' ? fields.columns : []);
}
