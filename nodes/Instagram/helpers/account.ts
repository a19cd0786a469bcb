import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GraphConnection } from '../transport';

/**
 * The account to query: the locator's value, or with Instagram Login the
 * token's own account (`me`) when it is left empty.
 */
export function accountIdFrom(node: INode, raw: unknown, connection: GraphConnection, itemIndex?: number): string {
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value !== '') return value;
	if (connection.loginType === 'instagramLogin') return 'me';
	throw new NodeOperationError(node, 'Invalid "Account": a value is required', {
		itemIndex,
		description: 'With Facebook Login, pick the Instagram account From List or enter its ID.',
	});
}

export function accountIdFor(ctx: IExecuteFunctions, connection: GraphConnection, itemIndex: number): string {
	return accountIdFrom(ctx.getNode(), ctx.getNodeParameter('accountId', itemIndex, '', { extractValue: true }), connection, itemIndex);
}

/**
 * Hashtag search and business discovery exist only in the Instagram API with
 * Facebook Login: refuse them before any request with Instagram Login.
 */
export function requireFacebookLogin(
	ctx: RequestContextWithNode,
	connection: GraphConnection,
	feature: string,
	itemIndex?: number,
): void {
	if (connection.loginType === 'facebookLogin') return;
	throw new NodeOperationError(
		ctx.getNode(),
		`${feature} needs Facebook Login: Meta serves it on graph.facebook.com only, not to Instagram Login tokens`,
		{
			itemIndex,
			description:
				'Use an Instagram Graph API credential with Login Type "Facebook Login": a token of a Facebook Page linked to the Instagram professional account, with instagram_basic (and, for hashtags, the Instagram Public Content Access feature).',
		},
	);
}

interface RequestContextWithNode {
	getNode(): INode;
}
