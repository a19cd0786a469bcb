import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { maxWaitMsFrom, maxWaitOption } from '../../shared/descriptions';
import { assertDateOrder, parseDateParameter, requireIntegerInRange, requirePositiveInteger } from '../../shared/validation';
import { defaultFields, fieldOptions, type FieldResource } from '../fields';
import { checkGraphRequest, columnsOf, mergeSelections, serializeGraphRequest } from '../graphRequest';
import type { Data365Settings, DateFilters } from '../transport';

export const DEFAULT_POLL_INTERVAL_SECONDS = 5;
export const DEFAULT_MAX_LOADING_WAIT_SECONDS = 300;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------

export const fromDateProperty: INodeProperties = {
	displayName: 'From Date',
	name: 'fromDate',
	type: 'dateTime',
	default: '',
	description: 'Only posts published on or after this day (sent as a yyyy-mm-dd day in the workflow\'s time zone)',
};

export const toDateProperty: INodeProperties = {
	displayName: 'To Date',
	name: 'toDate',
	type: 'dateTime',
	default: '',
	description: 'Only posts published on or before this day (sent as a yyyy-mm-dd day in the workflow\'s time zone)',
};

const pollIntervalOption: INodeProperties = {
	displayName: 'Poll Interval (Seconds)',
	name: 'pollIntervalSeconds',
	type: 'number',
	typeOptions: { minValue: 0.1, numberPrecision: 1 },
	default: DEFAULT_POLL_INTERVAL_SECONDS,
	description:
		'How long to wait before asking again while Data365 is still loading the data (Graph API) or its update task is still running (v1.1)',
};

const maxLoadingWaitOption: INodeProperties = {
	displayName: 'Max Wait for Data (Seconds)',
	name: 'maxLoadingWaitSeconds',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_MAX_LOADING_WAIT_SECONDS,
	description:
		'Longest total wait for Data365 to load the data or finish its update task. After it the item fails with an error saying so.',
};

const waitForFreshDataOption: INodeProperties = {
	displayName: 'Wait for Fresh Data',
	name: 'waitForFreshData',
	type: 'boolean',
	default: false,
	description:
		'Whether to keep asking while Data365 answers with cached data that it is updating (is_being_updated true), until the update is done (Graph API)',
};

const skipUpdateOption: INodeProperties = {
	displayName: 'Read Cached Data Only',
	name: 'skipUpdate',
	type: 'boolean',
	default: false,
	description:
		'Whether to read what Data365 already holds without starting an update task first (API v1.1). Faster, but the data may be old or missing.',
};

const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
	default: DEFAULT_PAGE_SIZE,
	description: 'Records asked for per request. The last page asks only for what the limit still needs.',
};

function fieldsOption(resource: FieldResource): INodeProperties {
	const what = { media: 'media', user: 'profile', tag: 'hashtag', comment: 'comment' }[resource];
	return {
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		options: fieldOptions(resource),
		default: [],
		description: `Fields of each ${what} to read (Graph API). With none picked: ${defaultFields(resource).join(', ')}.`,
	};
}

function graphRequestOption(resource: FieldResource, list: boolean): INodeProperties {
	return {
		displayName: 'Graph Request',
		name: 'graphRequest',
		type: 'string',
		default: '',
		placeholder: list ? 'id,caption,like_count,owner{username}' : examples[resource],
		description: list
			? 'A graph request for each record, used instead of Fields (Graph API), e.g. id,caption,owner{id,username}. The node adds the paging around it.'
			: 'A graph request used instead of Fields (Graph API), as in Data365\'s documentation, e.g. id,username,media.first(3){edges{node{id,caption}}}',
	};
}

const examples: Record<FieldResource, string> = {
	media: 'id,shortcode,owner{id,username},comments.first(5){edges{node{id,text}}}',
	user: 'id,username,follower_count,media.first(3){edges{node{id,caption}}}',
	tag: 'id,media_count,media.first(5){edges{node{id,like_count}}}',
	comment: 'id,text,owner{username}',
};

/** The "Options" collection of an operation; list operations add a page size. */
export function optionsCollection(resource: FieldResource, list: boolean): INodeProperties {
	const options = [
		fieldsOption(resource),
		graphRequestOption(resource, list),
		maxLoadingWaitOption,
		maxWaitOption,
		...(list ? [pageSizeOption] : []),
		pollIntervalOption,
		skipUpdateOption,
		waitForFreshDataOption,
	];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

// ---------------------------------------------------------------------------
// Reading parameters (all checks before any request)
// ---------------------------------------------------------------------------

function readNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
	fallback: number,
	min: number,
	exclusiveMin: boolean,
): number {
	if (value === undefined || value === null || value === '') return fallback;
	const number = typeof value === 'string' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < min || (exclusiveMin && number === min)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid "${label}": ${JSON.stringify(value)} is not a number ${exclusiveMin ? 'above' : 'of at least'} ${min}`,
			{ itemIndex },
		);
	}
	return number;
}

export function readOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
}

export function readSettings(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): Data365Settings {
	const interval = readNumber(
		ctx,
		itemIndex,
		'Poll Interval (Seconds)',
		options.pollIntervalSeconds,
		DEFAULT_POLL_INTERVAL_SECONDS,
		0,
		true,
	);
	const maxWait = readNumber(
		ctx,
		itemIndex,
		'Max Wait for Data (Seconds)',
		options.maxLoadingWaitSeconds,
		DEFAULT_MAX_LOADING_WAIT_SECONDS,
		0,
		false,
	);
	const pageSize =
		options.pageSize === undefined
			? DEFAULT_PAGE_SIZE
			: requireIntegerInRange(ctx.getNode(), { label: 'Page Size', itemIndex }, options.pageSize, 1, MAX_PAGE_SIZE);
	return {
		itemIndex,
		maxWaitMs: maxWaitMsFrom(options as { maxWaitSeconds?: number }),
		pollIntervalMs: Math.round(interval * 1000),
		maxLoadingWaitMs: Math.round(maxWait * 1000),
		waitForFreshData: options.waitForFreshData === true,
		skipUpdate: options.skipUpdate === true,
		pageSize,
	};
}

/** Undefined with Return All; otherwise the checked Limit. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	return requirePositiveInteger(ctx.getNode(), { label: 'Limit', itemIndex }, ctx.getNodeParameter('limit', itemIndex, 50));
}

/** The calendar day of `date` in `timeZone`, as yyyy-mm-dd. */
export function dayInTimeZone(date: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(date);
	const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

export function readDateFilters(ctx: IExecuteFunctions, itemIndex: number): DateFilters {
	const node = ctx.getNode();
	const timeZone = ctx.getTimezone();
	const fromRef = { label: 'From Date', itemIndex };
	const toRef = { label: 'To Date', itemIndex };
	const from = parseDateParameter(node, fromRef, ctx.getNodeParameter('fromDate', itemIndex, ''), { timeZone });
	const to = parseDateParameter(node, toRef, ctx.getNodeParameter('toDate', itemIndex, ''), { timeZone });
	assertDateOrder(node, { ref: fromRef, date: from }, { ref: toRef, date: to });
	return {
		...(from ? { from_date: dayInTimeZone(from, timeZone) } : {}),
		...(to ? { to_date: dayInTimeZone(to, timeZone) } : {}),
	};
}

export interface FieldRequest {
	/** The graph request text sent (Graph API). */
	text: string;
	/** Columns of a simplified row. */
	columns: string[];
}

/**
 * The graph request for a resource: the "Graph Request" option when set,
 * otherwise the picked "Fields", otherwise the resource's default set.
 * `ensure` adds top-level fields the node itself needs.
 */
export function readFieldRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	resource: FieldResource,
	options: IDataObject,
	ensure: string[] = [],
): FieldRequest {
	const typed = typeof options.graphRequest === 'string' ? options.graphRequest.trim() : '';
	const picked = Array.isArray(options.fields)
		? (options.fields as unknown[]).map(String).filter((field) => field.trim() !== '')
		: typeof options.fields === 'string' && options.fields.trim() !== ''
			? [options.fields]
			: [];
	const label = typed ? 'Graph Request' : 'Fields';
	const source = typed || (picked.length ? picked : defaultFields(resource)).join(',');
	const checked = checkGraphRequest(source);
	if (!checked.ok) {
		throw new NodeOperationError(ctx.getNode(), `Invalid "${label}": ${checked.message}`, {
			itemIndex,
			description:
				'Write fields separated by commas, nested fields in braces and cursors in double quotes, e.g. id,owner{id,username},comments.first(5){edges{node{id,text}}}',
		});
	}
	const selection = mergeSelections(checked.fields);
	for (const name of ensure) {
		if (!selection.some((field) => field.name === name)) selection.push({ name, calls: [] });
	}
	return { text: serializeGraphRequest(selection), columns: columnsOf(selection) };
}
