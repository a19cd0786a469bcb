/**
 * Stories: the account's live stories (Meta lists only those of the last 24
 * hours) and their insights, navigation split by action, through the media
 * insights fan-out.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RequestContext, RequestSettings } from '../../shared/request';
import { graphList, type GraphConnection } from '../transport';
import type { ApiMoment } from './catalogue';
import { fetchMediaInsights, type InsightsRequest } from './mediaInsights';

/** Stories of a day fit in a page or two; Meta pages the edge like /media. */
const STORY_PAGE_SIZE = 100;

export async function listStories(
	ctx: RequestContext,
	connection: GraphConnection,
	accountId: string,
	fields: readonly string[],
	limit: number | undefined,
	settings: RequestSettings,
): Promise<IDataObject[]> {
	return await graphList<IDataObject>(
		ctx,
		connection,
		`${encodeURIComponent(accountId)}/stories`,
		{ fields: fields.join(',') },
		{ limit, pageSize: STORY_PAGE_SIZE, what: 'stories' },
		settings,
	);
}

export interface StoryInsights {
	/** Metric (and navigation_<action>) -> value, null where the story has none. */
	values: IDataObject;
	/** Meta's insights answers, for Simplify off. */
	raw: IDataObject;
}

/**
 * Insights of each story, in the order given. A story under Meta's viewer
 * threshold has null values; a failure that is not about one story throws.
 */
export async function fetchStoryInsights(
	ctx: RequestContext,
	connection: GraphConnection,
	stories: IDataObject[],
	request: InsightsRequest,
	options: { concurrency: number; settings: RequestSettings; at: ApiMoment; itemIndex: number },
): Promise<StoryInsights[]> {
	const outcomes = await fetchMediaInsights(
		ctx,
		connection,
		// Everything listed by /stories is a story, whether or not Meta said so.
		stories.map((story) => ({
			media: { ...story, media_product_type: story.media_product_type ?? 'STORY' },
			request,
			itemIndex: options.itemIndex,
		})),
		{ concurrency: options.concurrency, settings: options.settings, at: options.at, withBreakdowns: true },
	);
	return outcomes.map((outcome) => {
		if (!outcome.ok) throw outcome.error;
		return { values: outcome.values, raw: outcome.raw };
	});
}
