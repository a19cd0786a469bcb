/** Date arithmetic every provider needs; all in UTC unless a zone is named. */

export const DAY_MS = 86_400_000;

/** RFC 3339 in UTC with a `Z`, e.g. 2024-05-01T00:00:00.000Z. */
export function toRfc3339Utc(date: Date): string {
	return date.toISOString();
}

export function toUnixSeconds(date: Date): number {
	return Math.floor(date.getTime() / 1000);
}

/** `YYYY-MM-DD` of the UTC day. */
export function toIsoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/**
 * Splits [from, to] into consecutive windows of at most `maxDays` days, for
 * APIs that cap a range (each window's end is the next window's start).
 */
export function splitIntoWindows(from: Date, to: Date, maxDays: number): Array<{ since: Date; until: Date }> {
	const windows: Array<{ since: Date; until: Date }> = [];
	const step = maxDays * DAY_MS;
	for (let start = from.getTime(); start < to.getTime(); start += step) {
		windows.push({ since: new Date(start), until: new Date(Math.min(start + step, to.getTime())) });
	}
	return windows;
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (e.g. 120 for CEST). */
export function timeZoneOffsetMinutes(timeZone: string, instant: Date): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** A wall-clock time without zone (`2024-05-01T09:00:00`), read in `timeZone`. */
export function wallClockToDate(wallClock: string, timeZone: string): Date | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/.exec(wallClock);
	if (!match) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = match;
	const asUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(ms.padEnd(3, '0')));
	const check = new Date(asUtc);
	// Date.UTC rolls 2024-13-45 over into 2025; a real date survives the round trip.
	if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
		return undefined;
	}
	// Two passes settle the offset across a DST change.
	let offset = timeZoneOffsetMinutes(timeZone, new Date(asUtc));
	offset = timeZoneOffsetMinutes(timeZone, new Date(asUtc - offset * 60_000));
	return new Date(asUtc - offset * 60_000);
}
