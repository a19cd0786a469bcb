/**
 * Where a polling trigger stands, kept in the workflow's static data: what it
 * has emitted, so that no record comes twice and none is lost between polls.
 *
 * Records (media, comments) carry Meta's creation time. The position is the
 * newest time seen (Meta's clock, not n8n's) and the IDs seen in the hour
 * before it; each poll reads back to an hour before the position and emits
 * what it has not seen. A record that shows up late (created while the last
 * poll was running, or listed a little after its time) is still within that
 * hour, and two records of the same second are told apart by their IDs.
 */
import type { IDataObject } from 'n8n-workflow';

/** How far before the newest record time each poll looks again. */
export const LOOKBACK_MS = 3_600_000;
/** A bound on the IDs kept, so the static data stays small on a busy account. */
export const MAX_SEEN = 2_000;

export interface TimedRecord {
	id: string;
	/** Meta's creation time, ms. */
	time: number;
}

export interface Position {
	/** What the position is about: event and account. A different one starts afresh. */
	key: string;
	/** The first activation: nothing older is ever emitted. */
	startedAt: number;
	/** The newest record time seen. */
	cursor: number;
	/** Record ID -> time, for records at or after `cursor - LOOKBACK_MS`. */
	seen: Record<string, number>;
}

function isNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** The saved position for `key`, or undefined on the first activation (or after the event or account changed). */
export function readPosition(staticData: IDataObject, key: string): Position | undefined {
	const saved = staticData.position as IDataObject | undefined;
	if (!saved || saved.key !== key || !isNumber(saved.startedAt) || !isNumber(saved.cursor)) return undefined;
	const seen: Record<string, number> = {};
	for (const [id, time] of Object.entries((saved.seen ?? {}) as IDataObject)) if (isNumber(time)) seen[id] = time;
	return { key, startedAt: saved.startedAt, cursor: saved.cursor, seen };
}

export function startPosition(key: string, now: number): Position {
	return { key, startedAt: now, cursor: now, seen: {} };
}

/** Records older than this are not read again. */
export function floorOf(position: Position): number {
	return Math.max(position.startedAt, position.cursor - LOOKBACK_MS);
}

/** What to emit: records at or after the floor that were not seen, oldest first. */
export function selectNew<T extends TimedRecord>(position: Position, records: T[]): T[] {
	const floor = floorOf(position);
	const unique = new Map<string, T>();
	for (const record of records) {
		if (record.time >= floor && !(record.id in position.seen) && !unique.has(record.id)) unique.set(record.id, record);
	}
	return [...unique.values()].sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
}

/** The position after a poll that read `records` (emitted or not). */
export function advance(position: Position, records: TimedRecord[]): Position {
	const cursor = records.reduce((newest, record) => Math.max(newest, record.time), position.cursor);
	const keepFrom = Math.max(position.startedAt, cursor - LOOKBACK_MS);
	const seen: Record<string, number> = {};
	for (const [id, time] of Object.entries(position.seen)) if (time >= keepFrom) seen[id] = time;
	for (const record of records) if (record.time >= keepFrom) seen[record.id] = record.time;
	const kept = Object.entries(seen).sort((a, b) => b[1] - a[1]).slice(0, MAX_SEEN);
	return { key: position.key, startedAt: position.startedAt, cursor, seen: Object.fromEntries(kept) };
}

export function savePosition(staticData: IDataObject, position: Position): void {
	staticData.position = { key: position.key, startedAt: position.startedAt, cursor: position.cursor, seen: position.seen };
}
