import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GraphConnection } from '../transport';

/**
 * The account to query: the locator's value, or with Instagram Login the
 * token's own account (`me`) when it is left empty.
 */
export function accountIdFor(ctx: IExecuteFunctions, connection: GraphConnection, itemIndex: number): string {
	const raw = ctx.getNodeParameter('accountId', itemIndex, '', { extractValue: true }) as unknown;
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value !== '') return value;
	if (connection.loginType === 'instagramLogin') return 'me';
	throw new NodeOperationError(ctx.getNode(), 'Invalid "Account": a value is required', {
		itemIndex,
		description: 'With Facebook Login, pick the Instagram account From List or enter its ID.',
	});
}
