import { normaliseTagName } from '../../identifiers';
import { mediaOf } from '../mediaOf';
import { tagNameProperty } from './Tag.descriptions';

export const { description, execute } = mediaOf({
	resource: 'tag',
	identifier: tagNameProperty,
	normalise: normaliseTagName,
});
