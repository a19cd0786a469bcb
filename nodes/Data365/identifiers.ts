import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireNonEmpty, type ParameterRef } from '../shared/validation';

/**
 * What users paste: `@spacex`, `#juice`, or a whole Instagram URL. Each is
 * reduced to the bare name or ID the API wants, or refused before any request.
 */

function invalid(node: INode, ref: ParameterRef, message: string, description: string): NodeOperationError {
	return new NodeOperationError(node, `Invalid "${ref.label}": ${message}`, {
		itemIndex: ref.itemIndex,
		description,
	});
}

function instagramPath(value: string): string[] | undefined {
	const match = /^(?:https?:\/\/)?(?:www\.|m\.)?instagram\.com\/([^?#]*)/i.exec(value);
	return match ? match[1].split('/').filter(Boolean) : undefined;
}

/** A username (`spacex`, `@spacex`, `instagram.com/spacex`) or a numeric user ID. */
export function normaliseUsername(node: INode, ref: ParameterRef, value: unknown): string {
	const raw = requireNonEmpty(node, ref, value);
	const username = (instagramPath(raw)?.[0] ?? raw).replace(/^@/, '');
	if (!/^[A-Za-z0-9._]{1,30}$/.test(username)) {
		throw invalid(
			node,
			ref,
			`"${raw}" is not an Instagram username`,
			'Use the name as in the profile address, e.g. spacex for instagram.com/spacex: letters, digits, "." and "_" only.',
		);
	}
	return username;
}

/** A hashtag with or without `#` (`#juice`, `juice`, `instagram.com/explore/tags/juice`). */
export function normaliseTagName(node: INode, ref: ParameterRef, value: unknown): string {
	const raw = requireNonEmpty(node, ref, value);
	const path = instagramPath(raw);
	const fromUrl = path && path[0] === 'explore' && path[1] === 'tags' ? path[2] : undefined;
	const tag = (fromUrl ?? raw).replace(/^#+/, '');
	if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(tag)) {
		throw invalid(
			node,
			ref,
			`"${raw}" is not a hashtag`,
			'Use one hashtag, with or without #, e.g. juice: letters, digits and "_" only, no spaces.',
		);
	}
	return tag;
}

/** A media ID (`1770093817144369706`), a shortcode (`BiQovLGAWIq`) or a post URL. */
export function normaliseMediaId(node: INode, ref: ParameterRef, value: unknown): string {
	const raw = requireNonEmpty(node, ref, value);
	const path = instagramPath(raw);
	const fromUrl = path && ['p', 'reel', 'reels', 'tv'].includes(path[0]) ? path[1] : undefined;
	const id = fromUrl ?? raw;
	if (!/^[A-Za-z0-9_-]+$/.test(id)) {
		throw invalid(
			node,
			ref,
			`"${raw}" is not a media ID or shortcode`,
			'Use the numeric media ID, the shortcode (BiQovLGAWIq in instagram.com/p/BiQovLGAWIq/) or the post URL.',
		);
	}
	return id;
}
