import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { shareCreatedAt, shareId } from './shareFields';

/**
 * What the trigger keeps in workflow static data between polls: where the
 * last poll's window ended, and the shares already emitted whose time still
 * falls inside the overlap the next poll reads again.
 */
export interface PollState extends IDataObject {
	/** When the workflow was activated: nothing older is emitted. */
	activatedAt?: string;
	lastPollEnd?: string;
	/** Share key -> its creation time (or the poll end that saw it, when it has none), in ms. */
	emitted?: Record<string, number>;
}

export const DEFAULT_OVERLAP_SECONDS = 300;

/** A share's id; for a share without one, a hash of its content. */
export function shareKey(share: IDataObject): string {
	const id = shareId(share);
	if (id !== undefined && id !== '') return `id:${id}`;
	return `sha1:${createHash('sha1').update(JSON.stringify(share)).digest('hex')}`;
}

/**
 * The window of one poll: from the last poll's end minus the overlap (so a
 * share stored late with an earlier time is still read), but never before
 * the activation, to now.
 */
export function pollWindow(state: PollState, now: number, overlapMs: number): { from: Date; to: Date } {
	const previous = Date.parse(state.lastPollEnd ?? '');
	const activated = Date.parse(state.activatedAt ?? '');
	let start = (Number.isNaN(previous) ? now : previous) - overlapMs;
	if (!Number.isNaN(activated)) start = Math.max(start, activated);
	return { from: new Date(Math.min(start, now)), to: new Date(now) };
}

/**
 * Picks the shares not emitted before and records them. Returns what to emit
 * and the state to keep, which the caller saves only once the items are ready.
 */
export class PollDeduplicator {
	private readonly fresh: IDataObject[] = [];
	private readonly kept: Record<string, number> = {};
	/** Entries older than this fall outside the next poll's window and are dropped. */
	private readonly keepFrom: number;

	constructor(
		private readonly previous: Record<string, number>,
		private readonly windowEnd: number,
		overlapMs: number,
	) {
		this.keepFrom = windowEnd - overlapMs;
		for (const [key, stamp] of Object.entries(previous)) {
			if (stamp >= this.keepFrom) this.kept[key] = stamp;
		}
	}

	offer(share: IDataObject): void {
		const key = shareKey(share);
		if (key in this.previous || key in this.kept) return;
		this.fresh.push(share);
		// Without a time of its own, a share is kept for as long as the poll that saw it overlaps.
		this.kept[key] = shareCreatedAt(share) ?? this.windowEnd;
	}

	get shares(): IDataObject[] {
		return this.fresh;
	}

	state(): PollState {
		const emitted: Record<string, number> = {};
		for (const [key, stamp] of Object.entries(this.kept)) if (stamp >= this.keepFrom) emitted[key] = stamp;
		return { lastPollEnd: new Date(this.windowEnd).toISOString(), emitted };
	}
}
