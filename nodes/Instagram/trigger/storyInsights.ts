/**
 * Event "Story Insights": each story once, with its final insights, once it
 * is older than a chosen age and before Meta deletes it (and its insights)
 * 24 hours after it was posted. Polls must come often enough to catch each
 * story in that window: with the default 20 hours, at least every 4 hours.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseList } from '../../shared/validation';
import { STORY_REQUIRED_FIELDS, STORY_ROW_FIELDS } from '../actions/story/descriptions';
import { checkChosenMediaMetrics, storyMetricColumns, type ApiMoment } from '../helpers/catalogue';
import type { InsightsRequest } from '../helpers/mediaInsights';
import { graphTime, STORY_LIFETIME_MS, storyRow } from '../helpers/rows';
import { fetchStoryInsights, listStories } from '../helpers/stories';
import type { GraphConnection } from '../transport';
import { MANUAL_SAMPLE, type PollSettings } from './context';

const HOUR_MS = 3_600_000;
/** Emitted story IDs are kept until their stories are long gone. */
const KEEP_EMITTED_MS = 2 * STORY_LIFETIME_MS;

interface StoryPosition {
	key: string;
	/** The first activation: a story that reached the age before it is not emitted. */
	startedAt: number;
	/** Story ID -> posting time, for stories emitted. */
	emitted: Record<string, number>;
}

function readStoryPosition(staticData: IDataObject, key: string): StoryPosition | undefined {
	const saved = staticData.position as IDataObject | undefined;
	if (!saved || saved.key !== key || typeof saved.startedAt !== 'number') return undefined;
	const emitted: Record<string, number> = {};
	for (const [id, time] of Object.entries((saved.emitted ?? {}) as IDataObject)) if (typeof time === 'number') emitted[id] = time;
	return { key, startedAt: saved.startedAt, emitted };
}

function saveStoryPosition(staticData: IDataObject, position: StoryPosition): void {
	staticData.position = { key: position.key, startedAt: position.startedAt, emitted: position.emitted };
}

function storyAgeMs(ctx: IPollFunctions): number {
	const hours = Number(ctx.getNodeParameter('storyAge', 20));
	if (!Number.isFinite(hours) || hours < 0 || hours >= 24) {
		throw new NodeOperationError(ctx.getNode(), `Invalid "Story Age (Hours)": ${JSON.stringify(hours)} is not from 0 to 23.9`, {
			description: 'Stories and their insights are gone 24 hours after posting: choose an age below 24.',
		});
	}
	return Math.round(hours * HOUR_MS);
}

function insightsRequest(ctx: IPollFunctions, at: ApiMoment): InsightsRequest {
	const chosen = parseList(ctx.getNodeParameter('metrics', ['auto']));
	const auto = chosen.length === 0 || chosen.includes('auto');
	if (!auto) checkChosenMediaMetrics(ctx.getNode(), chosen, at, 0);
	return { selection: { auto, chosen: auto ? [] : [...new Set(chosen)] }, onUnsupported: 'skip' };
}

export async function pollStoryInsights(
	ctx: IPollFunctions,
	connection: GraphConnection,
	poll: PollSettings,
	at: ApiMoment,
): Promise<IDataObject[] | null> {
	const ageMs = storyAgeMs(ctx);
	const request = insightsRequest(ctx, at);
	const fields = [...STORY_ROW_FIELDS];
	const staticData = ctx.getWorkflowStaticData('node');
	const key = `storyInsights:${poll.accountId}`;
	const position = poll.manual ? undefined : readStoryPosition(staticData, key);
	if (!poll.manual && !position) {
		// First activation: stories that reach the age from now on.
		saveStoryPosition(staticData, { key, startedAt: poll.now, emitted: {} });
		return null;
	}

	const stories = (await listStories(ctx, connection, poll.accountId, [...new Set([...fields, ...STORY_REQUIRED_FIELDS])], undefined, poll.settings))
		.map((story) => ({ story, id: String(story.id), posted: graphTime(story.timestamp) }))
		.filter((entry) => entry.story.id !== undefined && !Number.isNaN(entry.posted));
	const due = poll.manual || !position
		? stories.sort((a, b) => b.posted - a.posted).slice(0, MANUAL_SAMPLE).reverse()
		: stories
				.filter(
					(entry) =>
						!(entry.id in position.emitted) &&
						poll.now - entry.posted >= ageMs &&
						poll.now - entry.posted < STORY_LIFETIME_MS &&
						entry.posted + ageMs >= position.startedAt,
				)
				.sort((a, b) => a.posted - b.posted);

	let rows: IDataObject[] = [];
	if (due.length) {
		const found = await fetchStoryInsights(
			ctx,
			connection,
			due.map((entry) => entry.story),
			request,
			{ concurrency: poll.concurrency, settings: poll.settings, at, itemIndex: 0 },
		);
		const columns = storyMetricColumns(request.selection, at);
		const capturedAt = new Date(poll.now).toISOString();
		rows = due.map((entry, index) =>
			poll.simplify
				? storyRow(entry.story, fields, columns, found[index].values, { captured_at: capturedAt })
				: { ...entry.story, insights: found[index].raw },
		);
	}
	if (position) {
		// Advanced only once the items are built.
		const emitted: Record<string, number> = {};
		for (const [id, posted] of Object.entries(position.emitted)) if (poll.now - posted < KEEP_EMITTED_MS) emitted[id] = posted;
		for (const entry of due) emitted[entry.id] = entry.posted;
		saveStoryPosition(staticData, { ...position, emitted });
	}
	return rows.length ? rows : null;
}
