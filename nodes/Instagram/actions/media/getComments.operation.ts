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

const COMMENT_FIELDS = ['id', 'timestamp', 'username', 'text', 'like_count'] as const;

const properties: INodeProperties[] = [
	mediaIdProperty,
	returnAllProperty,
	limitProperty,
	simplifyProperty,
	optionsCollection([
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			options: [
				{ name: 'From', value: 'from' },
				{ name: 'Hidden', value: 'hidden' },
				{ name: 'ID', value: 'id' },
				{ name: 'Like Count', value: 'like_count' },
				{ name: 'Parent ID', value: 'parent_id' },
				{ name: 'Replies', value: 'replies{id,text,timestamp,username}' },
				{ name: 'Text', value: 'text' },
				{ name: 'Timestamp', value: 'timestamp' },
				{ name: 'Username', value: 'username' },
			],
			default: [...COMMENT_FIELDS],
			description: 'Comment fields to return',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['getComments'] } }, properties);

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	return await executePerItem(this, async (itemIndex) => {
		const node = this.getNode();
		const mediaId = requireNonEmpty(node, { label: 'Media ID', itemIndex }, this.getNodeParameter('mediaId', itemIndex));
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll
			? undefined
			: requirePositiveInteger(node, { label: 'Limit', itemIndex }, this.getNodeParameter('limit', itemIndex, 50));
		const fields = fieldsOption(this, itemIndex, COMMENT_FIELDS);
		const comments = await graphList<IDataObject>(
			this,
			connection,
			`${encodeURIComponent(mediaId)}/comments`,
			{ fields: fields.join(',') },
			{ limit, pageSize: 50, what: 'comments' },
			requestSettings(this, itemIndex),
		);
		return simplifyOf(this, itemIndex) ? comments.map((comment) => orderedRow(comment, fields)) : comments;
	});
}
