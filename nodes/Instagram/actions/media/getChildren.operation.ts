import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import { executePerItem } from '../../../shared/output';
import { requireNonEmpty, requirePositiveInteger } from '../../../shared/validation';
import { fieldsOption, requestSettings, simplifyOf } from '../../helpers/parameters';
import { orderedRow } from '../../helpers/rows';
import { graphList, type GraphConnection } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { mediaIdProperty } from './descriptions';

const CHILD_FIELDS = ['id', 'media_type', 'media_url', 'permalink', 'thumbnail_url', 'timestamp'] as const;

const properties: INodeProperties[] = [
	{ ...mediaIdProperty, description: 'The ID of the carousel album' },
	returnAllProperty,
	limitProperty,
	simplifyProperty,
	optionsCollection([
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			options: [
				{ name: 'Alt Text', value: 'alt_text' },
				{ name: 'ID', value: 'id' },
				{ name: 'Media Type', value: 'media_type' },
				{ name: 'Media URL', value: 'media_url' },
				{ name: 'Permalink', value: 'permalink' },
				{ name: 'Shortcode', value: 'shortcode' },
				{ name: 'Thumbnail URL', value: 'thumbnail_url' },
				{ name: 'Timestamp', value: 'timestamp' },
				{ name: 'Username', value: 'username' },
			],
			default: [...CHILD_FIELDS],
			description: 'Fields of each child to return. Carousel children have no insights of their own.',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['getChildren'] } }, properties);

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	return await executePerItem(this, async (itemIndex) => {
		const node = this.getNode();
		const mediaId = requireNonEmpty(node, { label: 'Media ID', itemIndex }, this.getNodeParameter('mediaId', itemIndex));
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll
			? undefined
			: requirePositiveInteger(node, { label: 'Limit', itemIndex }, this.getNodeParameter('limit', itemIndex, 50));
		const fields = fieldsOption(this, itemIndex, CHILD_FIELDS);
		// The children edge takes no page size: a carousel has at most 20 children.
		const children = await graphList<IDataObject>(
			this,
			connection,
			`${encodeURIComponent(mediaId)}/children`,
			{ fields: fields.join(',') },
			{ limit, what: 'carousel children' },
			requestSettings(this, itemIndex),
		);
		return simplifyOf(this, itemIndex) ? children.map((child) => orderedRow(child, fields)) : children;
	});
}
