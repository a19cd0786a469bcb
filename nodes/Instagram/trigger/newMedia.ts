/** Event "New Media": media the account published since the last poll. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { graphTime, mediaRow } from '../helpers/rows';
import { MEDIA_ROW_FIELDS } from '../actions/media/descriptions';
import { graphList, readGraphPage, type GraphConnection } from '../transport';
import { MANUAL_SAMPLE, type PollSettings } from './context';
import { advance, floorOf, readPosition, savePosition, selectNew, startPosition } from './position';

const MEDIA_PAGE_SIZE = 100;

function timed(media: IDataObject) {
	return { id: String(media.id), time: graphTime(media.timestamp), media };
}

export async function pollNewMedia(
	ctx: IPollFunctions,
	connection: GraphConnection,
	poll: PollSettings,
): Promise<IDataObject[] | null> {
	const fields = [...MEDIA_ROW_FIELDS];
	const path = `${encodeURIComponent(poll.accountId)}/media`;
	const toRow = (media: IDataObject) => (poll.simplify ? mediaRow(media, fields) : media);

	if (poll.manual) {
		const recent = await graphList<IDataObject>(ctx, connection, path, { fields: fields.join(',') }, { limit: MANUAL_SAMPLE, pageSize: MEDIA_PAGE_SIZE, what: 'media' }, poll.settings);
		return recent.length ? recent.reverse().map(toRow) : null;
	}

	const staticData = ctx.getWorkflowStaticData('node');
	const key = `newMedia:${poll.accountId}`;
	const position = readPosition(staticData, key);
	if (!position) {
		// First activation: from now on.
		savePosition(staticData, startPosition(key, poll.now));
		return null;
	}
	const floor = floorOf(position);
	// Meta lists media newest first: once a page reaches past the floor, the rest is older.
	const listed = await graphList<IDataObject>(
		ctx,
		connection,
		path,
		{ fields: fields.join(',') },
		{
			pageSize: MEDIA_PAGE_SIZE,
			what: 'media',
			readPage: (body) => {
				const page = readGraphPage<IDataObject>(body);
				const reachesFloor = page.items.some((item) => graphTime(item.timestamp) < floor);
				return reachesFloor ? { items: page.items } : page;
			},
		},
		poll.settings,
	);
	const records = listed.map(timed).filter((record) => !Number.isNaN(record.time));
	const fresh = selectNew(position, records);
	const rows = fresh.map((record) => toRow(record.media));
	// Advanced only once the items are built.
	savePosition(staticData, advance(position, records));
	return rows.length ? rows : null;
}
