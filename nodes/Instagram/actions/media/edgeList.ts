import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import { executePerItem } from '../../../shared/output';
import { requireNonEmpty, requirePositiveInteger } from '../../../shared/validation';
import { fieldsOption, requestSettings, simplifyOf } from '../../helpers/parameters';
import { orderedRow } from '../../helpers/rows';
import { graphList, type GraphConnection } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { mediaIdProperty } from './descriptions';

/** A list under one media (`/{media-id}/<edge>`): Get Comments and Get Children. */
export interface MediaEdgeList {
	operation: string;
	edge: string;
	/** Names the records in errors, e.g. "comments". */
	what: string;
	defaultFields: readonly string[];
	fieldOptions: INodePropertyOptions[];
	fieldsDescription: string;
	mediaIdDescription?: string;
	/** The edge's page size; undefined where the edge takes none. */
	pageSize?: number;
}

export function mediaEdgeList(list: MediaEdgeList): {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, connection: GraphConnection) => Promise<INodeExecutionData[]>;
} {
	const properties: INodeProperties[] = [
		list.mediaIdDescription ? { ...mediaIdProperty, description: list.mediaIdDescription } : mediaIdProperty,
		returnAllProperty,
		limitProperty,
		simplifyProperty,
		optionsCollection([
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'multiOptions',
				options: list.fieldOptions,
				default: [...list.defaultFields],
				description: list.fieldsDescription,
			},
		]),
	];

	async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
		return await executePerItem(this, async (itemIndex) => {
			const node = this.getNode();
			const mediaId = requireNonEmpty(node, { label: 'Media ID', itemIndex }, this.getNodeParameter('mediaId', itemIndex));
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll
				? undefined
				: requirePositiveInteger(node, { label: 'Limit', itemIndex }, this.getNodeParameter('limit', itemIndex, 50));
			const fields = fieldsOption(this, itemIndex, list.defaultFields);
			const records = await graphList<IDataObject>(
				this,
				connection,
				`${encodeURIComponent(mediaId)}/${list.edge}`,
				{ fields: fields.join(',') },
				{ limit, pageSize: list.pageSize, what: list.what },
				requestSettings(this, itemIndex),
			);
			return simplifyOf(this, itemIndex) ? records.map((record) => orderedRow(record, fields)) : records;
		});
	}

	return {
		description: updateDisplayOptions({ show: { resource: ['media'], operation: [list.operation] } }, properties),
		execute,
	};
}
