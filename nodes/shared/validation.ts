import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { wallClockToDate } from './dates';

/**
 * Input checks that run before any request: each error names the parameter
 * as the user sees it, so the fix is obvious from the message alone.
 */

export interface ParameterRef {
	/** The label the user sees, e.g. "From". */
	label: string;
	itemIndex?: number;
}

function invalid(node: INode, ref: ParameterRef, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(node, `Invalid "${ref.label}": ${message}`, {
		itemIndex: ref.itemIndex,
		description,
	});
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

interface DateLike {
	toJSDate(): Date;
}

function isDateLike(value: unknown): value is DateLike {
	return typeof value === 'object' && value !== null && typeof (value as DateLike).toJSDate === 'function';
}

const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Whether a date written as text names a real day and time: JavaScript reads
 * 2023-02-30T10:00:00Z as 2 March, and 2023-13-45 as a day in 2024.
 */
function isRealCalendarTime(text: string): boolean {
	const match = CALENDAR.exec(text);
	if (!match) return true;
	const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60;
}

const DATE_HELP =
	'Use a date such as 2024-05-01, a date-time such as 2024-05-01T09:00:00Z, or an expression such as {{ $now.minus({ days: 7 }) }}.';

/**
 * Reads a date parameter: an RFC 3339 / ISO 8601 string, a date or wall-clock
 * time without zone (read in `timeZone`, the workflow's), an n8n DateTime
 * value, a JS Date, or a UNIX timestamp in seconds or milliseconds.
 */
export function parseDateParameter(
	node: INode,
	ref: ParameterRef,
	value: unknown,
	options: { timeZone?: string; required?: boolean } = {},
): Date | undefined {
	if (isEmpty(value)) {
		if (options.required) throw invalid(node, ref, 'a date is required', DATE_HELP);
		return undefined;
	}
	let date: Date | undefined;
	if (value instanceof Date) date = value;
	else if (isDateLike(value)) date = value.toJSDate();
	else if (typeof value === 'number') date = new Date(value < 1e11 ? value * 1000 : value);
	else if (typeof value === 'string') {
		const text = value.trim();
		if (!isRealCalendarTime(text)) {
			throw invalid(node, ref, `"${value}" is not a date`, 'The month, day or time is out of range.');
		}
		if (/^\d{9,13}$/.test(text)) {
			const numeric = Number(text);
			date = new Date(numeric < 1e11 ? numeric * 1000 : numeric);
		} else if (/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
			date = new Date(Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
		} else {
			date = wallClockToDate(text, options.timeZone ?? 'UTC');
		}
	}
	if (!date || Number.isNaN(date.getTime())) {
		throw invalid(node, ref, `"${String(value)}" is not a date`, DATE_HELP);
	}
	return date;
}

export function assertDateOrder(
	node: INode,
	from: { ref: ParameterRef; date?: Date },
	to: { ref: ParameterRef; date?: Date },
): void {
	if (from.date && to.date && from.date.getTime() > to.date.getTime()) {
		throw invalid(
			node,
			from.ref,
			`${from.date.toISOString()} is after "${to.ref.label}" (${to.date.toISOString()})`,
			`"${from.ref.label}" must be on or before "${to.ref.label}".`,
		);
	}
}

export function requireIntegerInRange(
	node: INode,
	ref: ParameterRef,
	value: unknown,
	min: number,
	max = Number.POSITIVE_INFINITY,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range = max === Number.POSITIVE_INFINITY ? `${min} or more` : `from ${min} to ${max}`;
		throw invalid(node, ref, `${JSON.stringify(value ?? null)} is not a whole number ${range}`);
	}
	return number;
}

export function requirePositiveInteger(node: INode, ref: ParameterRef, value: unknown): number {
	return requireIntegerInRange(node, ref, value, 1);
}

/** A non-empty ID or name, trimmed. */
export function requireNonEmpty(node: INode, ref: ParameterRef, value: unknown): string {
	if (isEmpty(value) || (typeof value !== 'string' && typeof value !== 'number')) {
		throw invalid(node, ref, 'a value is required', 'It is empty; check the expression or the field.');
	}
	return String(value).trim();
}

/** Splits a list typed as "a, b c" or given as an array into clean strings. */
export function parseList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,;]+/) : [];
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}
