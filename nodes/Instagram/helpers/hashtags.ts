/**
 * Hashtags (Instagram API with Facebook Login only): a name becomes an ID
 * through `ig_hashtag_search`, and an ID lists its top or recent public media.
 * Meta lets an account query 30 unique hashtags in a rolling 7 days.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext, RequestSettings } from '../../shared/request';
import { graphGet, type GraphConnection } from '../transport';

/** `#Coffee ` -> `Coffee`. Meta matches hashtags without the `#`. */
export function hashtagNameOf(node: INode, value: unknown, itemIndex: number, label = 'Hashtag Name'): string {
	// A locator's value (the same parameter is a locator in Get Top/Recent Media) is read too.
	const given = value && typeof value === 'object' ? (value as IDataObject).value : value;
	const name = (typeof given === 'string' || typeof given === 'number' ? String(given) : '').trim().replace(/^#+/, '').trim();
	if (name === '') {
		throw new NodeOperationError(node, `Invalid "${label}": a value is required`, {
			itemIndex,
			description: 'Enter a hashtag such as coffee or #coffee.',
		});
	}
	if (/[\s#,]/.test(name)) {
		throw new NodeOperationError(node, `Invalid "${label}": "${name}" is not one hashtag`, {
			itemIndex,
			description: 'A hashtag has no spaces, commas or inner #: search one hashtag per item.',
		});
	}
	return name;
}

/** `GET /ig_hashtag_search?user_id=…&q=…` -> `{ data: [{ id }] }`; the ID, or undefined when Meta found none. */
export async function searchHashtag(
	ctx: RequestContext,
	connection: GraphConnection,
	accountId: string,
	name: string,
	settings: RequestSettings,
): Promise<{ id?: string; body: IDataObject }> {
	const body = await graphGet(ctx, connection, 'ig_hashtag_search', { user_id: accountId, q: name }, settings);
	const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const id = data.find((entry) => entry && entry.id !== undefined && entry.id !== null)?.id;
	return { id: id === undefined ? undefined : String(id), body };
}

export function hashtagNotFound(node: INode, name: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `Meta found no hashtag named "#${name}"`, {
		itemIndex,
		description:
			'Check the spelling (letters, digits and underscores). Emoji hashtags and some sensitive hashtags cannot be searched.',
	});
}

export interface HashtagRef {
	id: string;
	/** The name, when the hashtag was given by name. */
	name: string | null;
}

/**
 * The hashtag of a "Hashtag" locator: by ID as it is, by name through a
 * search (which counts towards the 30 unique hashtags per 7 days).
 */
export async function resolveHashtag(
	ctx: RequestContext,
	connection: GraphConnection,
	accountId: string,
	raw: unknown,
	itemIndex: number,
	settings: RequestSettings,
): Promise<HashtagRef> {
	const node = ctx.getNode();
	const locator = raw && typeof raw === 'object' ? (raw as IDataObject) : { mode: 'name', value: raw };
	if (locator.mode === 'id') {
		const id = String(locator.value ?? '').trim();
		if (!/^\d+$/.test(id)) {
			throw new NodeOperationError(node, `Invalid "Hashtag": "${id}" is not a hashtag ID`, {
				itemIndex,
				description: 'A hashtag ID is a number such as 17843853986012965; choose "By Name" to give the hashtag itself.',
			});
		}
		return { id, name: null };
	}
	const name = hashtagNameOf(node, locator.value, itemIndex, 'Hashtag');
	const found = await searchHashtag(ctx, connection, accountId, name, settings);
	if (!found.id) throw hashtagNotFound(node, name, itemIndex);
	return { id: found.id, name };
}
