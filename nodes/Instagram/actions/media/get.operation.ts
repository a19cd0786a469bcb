import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { executePerItem } from '../../../shared/output';
import { requireNonEmpty } from '../../../shared/validation';
import { fieldsOption, requestSettings, simplifyOf } from '../../helpers/parameters';
import { mediaRow } from '../../helpers/rows';
import { graphGet, type GraphConnection } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { MEDIA_ROW_FIELDS, mediaFieldsOption, mediaIdProperty } from './descriptions';

const properties: INodeProperties[] = [mediaIdProperty, simplifyProperty, optionsCollection([mediaFieldsOption])];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	return await executePerItem(this, async (itemIndex) => {
		const mediaId = requireNonEmpty(this.getNode(), { label: 'Media ID', itemIndex }, this.getNodeParameter('mediaId', itemIndex));
		const fields = fieldsOption(this, itemIndex, MEDIA_ROW_FIELDS);
		const media = await graphGet(this, connection, encodeURIComponent(mediaId), { fields: fields.join(',') }, requestSettings(this, itemIndex));
		return simplifyOf(this, itemIndex) ? mediaRow(media, fields) : (media as IDataObject);
	});
}
