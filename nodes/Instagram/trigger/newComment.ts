/**
 * Event "New Comment": comments on the account's most recent media (how many
 * is an option), each emitted once. The first page of comments of every
 * watched media is fetched at once (in one Graph batch with Facebook Login).
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { requireIntegerInRange } from '../../shared/validation';
import { graphTime, orderedRow } from '../helpers/rows';
import {
	apiErrorFrom,
	fetchMany,
	graphFollow,
	graphList,
	isObjectLevelError,
	readGraphPage,
	type GraphConnection,
} from '../transport';
import { MANUAL_SAMPLE, type PollSettings } from './context';
import { advance, floorOf, readPosition, savePosition, selectNew, startPosition } from './position';

export const COMMENT_FIELDS = ['id', 'timestamp', 'username', 'text', 'like_count'] as const;
const COMMENT_ROW_FIELDS = [...COMMENT_FIELDS, 'media_id', 'media_permalink'];
const COMMENT_PAGE_SIZE = 50;

interface FoundComment {
	id: string;
	time: number;
	comment: IDataObject;
	media: IDataObject;
}

/** Times never rising along the page: Meta lists these comments newest first. */
function isNewestFirst(comments: IDataObject[]): boolean {
	if (comments.length < 2) return false;
	const times = comments.map((comment) => graphTime(comment.timestamp));
	return times.every((time, index) => index === 0 || time <= times[index - 1]);
}

/**
 * The comments of each watched media down to `floor`: paging stops early when
 * Meta lists newest first and a page reaches past the floor; otherwise every
 * page is read, so that nothing new is missed whatever the order.
 */
async function commentsOf(
	ctx: IPollFunctions,
	connection: GraphConnection,
	media: IDataObject[],
	floor: number,
	poll: PollSettings,
	followPages: boolean,
): Promise<FoundComment[]> {
	const calls = media.map((item) => ({
		path: `${encodeURIComponent(String(item.id))}/comments`,
		qs: { fields: COMMENT_FIELDS.join(','), limit: COMMENT_PAGE_SIZE },
	}));
	const results = await fetchMany(ctx, connection, calls, { concurrency: poll.concurrency, settings: poll.settings });
	const found: FoundComment[] = [];
	const reachesFloor = (comments: IDataObject[]) =>
		isNewestFirst(comments) && graphTime(comments[comments.length - 1].timestamp) < floor;
	for (const [index, result] of results.entries()) {
		if (!result.ok) {
			// A media deleted since it was listed: nothing to watch.
			if (isObjectLevelError(result.error, result.statusCode)) continue;
			throw apiErrorFrom(ctx, connection, result);
		}
		const page = readGraphPage<IDataObject>(result.body);
		let comments = page.items;
		if (followPages && page.next && !reachesFloor(comments)) {
			comments = comments.concat(
				await graphFollow<IDataObject>(
					ctx,
					connection,
					page.next,
					{
						what: 'comments',
						readPage: (body) => {
							const next = readGraphPage<IDataObject>(body);
							return reachesFloor(next.items) ? { items: next.items } : next;
						},
					},
					poll.settings,
				),
			);
		}
		for (const comment of comments) {
			const time = graphTime(comment.timestamp);
			if (comment.id === undefined || Number.isNaN(time)) continue;
			found.push({ id: String(comment.id), time, comment, media: media[index] });
		}
	}
	return found;
}

function toRow(found: FoundComment, simplify: boolean): IDataObject {
	const media = { id: found.media.id ?? null, permalink: found.media.permalink ?? null };
	if (!simplify) return { ...found.comment, media: (found.comment.media as IDataObject | undefined) ?? media };
	return orderedRow({ ...found.comment, media_id: media.id, media_permalink: media.permalink }, COMMENT_ROW_FIELDS);
}

export async function pollNewComment(
	ctx: IPollFunctions,
	connection: GraphConnection,
	poll: PollSettings,
): Promise<IDataObject[] | null> {
	const mediaCount = requireIntegerInRange(ctx.getNode(), { label: 'Media to Watch' }, ctx.getNodeParameter('mediaCount', 10), 1, 100);
	const staticData = ctx.getWorkflowStaticData('node');
	const key = `newComment:${poll.accountId}`;
	const position = poll.manual ? undefined : readPosition(staticData, key);
	if (!poll.manual && !position) {
		// First activation: from now on.
		savePosition(staticData, startPosition(key, poll.now));
		return null;
	}
	const media = await graphList<IDataObject>(
		ctx,
		connection,
		`${encodeURIComponent(poll.accountId)}/media`,
		{ fields: 'id,timestamp,permalink' },
		{ limit: mediaCount, pageSize: 100, what: 'media' },
		poll.settings,
	);
	if (poll.manual || !position) {
		const recent = (await commentsOf(ctx, connection, media, Number.NEGATIVE_INFINITY, poll, false))
			.sort((a, b) => b.time - a.time)
			.slice(0, MANUAL_SAMPLE)
			.reverse();
		return recent.length ? recent.map((found) => toRow(found, poll.simplify)) : null;
	}
	const comments = await commentsOf(ctx, connection, media, floorOf(position), poll, true);
	const rows = selectNew(position, comments).map((found) => toRow(found, poll.simplify));
	// Advanced only once the items are built.
	savePosition(staticData, advance(position, comments));
	return rows.length ? rows : null;
}
