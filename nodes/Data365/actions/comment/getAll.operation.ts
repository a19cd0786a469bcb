import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/output';
import { normaliseMediaId } from '../../identifiers';
import { simplifyRows } from '../../rows';
import { listEdge } from '../../transport';
import { optionsCollection, readFieldRequest, readLimit, readOptions, readSettings } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Media ID or Shortcode',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'BiQovLGAWIq',
		description: 'The post whose comments to get: its numeric media ID, shortcode, or URL',
	},
	returnAllProperty,
	limitProperty,
	simplifyProperty,
	optionsCollection('comment', true),
];

export const description = updateDisplayOptions({ show: { resource: ['comment'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const mediaId = normaliseMediaId(this.getNode(), { label: 'Media ID or Shortcode', itemIndex }, this.getNodeParameter('mediaId', itemIndex));
	const limit = readLimit(this, itemIndex);
	const options = readOptions(this, itemIndex);
	const settings = readSettings(this, itemIndex, options);
	const fields = readFieldRequest(this, itemIndex, 'comment', options);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const comments = await listEdge(
		this,
		{ kind: 'media', id: mediaId },
		{ edge: 'comments', nodeFields: fields.text, limit },
		settings,
	);
	if (!simplify) return comments.value;
	return simplifyRows(comments.value, comments.api === 'graph' ? fields.columns : []);
}
