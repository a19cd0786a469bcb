import { normaliseUsername } from '../../identifiers';
import { mediaOf } from '../mediaOf';
import { usernameProperty } from './User.descriptions';

export const { description, execute } = mediaOf({
	resource: 'user',
	identifier: usernameProperty,
	normalise: normaliseUsername,
});
