import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toRfc3339Utc } from '../shared/dates';
import type { ProviderErrorInfo } from '../shared/errors';
import { appendToOriginalUrl, paginate, type Page } from '../shared/pagination';
import { sendRequest, type HttpResponse, type Provider, type RequestContext, type RequestSettings } from '../shared/request';
import { headerValue } from '../shared/retry';

import { normaliseKey } from './shareFields';

export const CREDENTIAL_TYPE = 'haiiloShareApi';

/** The API answers at most this many shares per page, and takes no page size. */
export const SHARES_PER_PAGE = 1000;

const AUTH_HINT =
	'Haiilo Share did not accept the access token. A token stops working when it is revoked or when the user who created it is deleted. Create a new one under Settings > Access tokens, ideally as a service user that will not leave, and update the credential.';

function hintFor(statusCode: number): string | undefined {
	if (statusCode === 401) return AUTH_HINT;
	if (statusCode === 403)
		return 'The access token was refused for the shares API. The user who created it may have been deleted or lost the rights to read shares, or access tokens may be switched off for your Haiilo tenant. Create a token as a service user with those rights under Settings > Access tokens, or ask your Haiilo admin.';
	if (statusCode === 404)
		return 'Check the Subdomain (or Base URL) in the credential: the shares API was not found at that address.';
	if (statusCode === 400) return 'Haiilo Share did not accept the request. Check "From" and "To".';
	if (statusCode === 429) return 'Haiilo Share is limiting the request rate. Run the workflow less often, or later.';
	if (statusCode >= 500) return 'Haiilo Share is having trouble. Try again later.';
	return undefined;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** Reads the error body; its format is undocumented, so common shapes are all accepted. */
export function describeHaiiloError(response: HttpResponse): ProviderErrorInfo {
	const body = response.body;
	let message: string | undefined;
	let code: string | undefined;
	let requestId: string | undefined;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const fields = new Map(Object.entries(body as IDataObject).map(([key, value]) => [normaliseKey(key), value]));
		const error = fields.get('error');
		const nested = error && typeof error === 'object' ? (error as IDataObject) : undefined;
		const errors = fields.get('errors');
		const firstError = Array.isArray(errors) && errors.length ? (errors[0] as IDataObject | string) : undefined;
		message =
			text(fields.get('message')) ??
			text(nested?.message) ??
			text(fields.get('errordescription')) ??
			(typeof firstError === 'string' ? text(firstError) : text(firstError?.message)) ??
			text(fields.get('detail')) ??
			text(fields.get('title')) ??
			text(error);
		code =
			text(fields.get('code')) ??
			text(fields.get('errorcode')) ??
			text(nested?.code) ??
			(message !== undefined && message !== text(error) ? text(error) : undefined);
		requestId = text(fields.get('requestid')) ?? text(fields.get('traceid')) ?? text(fields.get('correlationid'));
	} else if (typeof body === 'string' && body.trim() !== '' && !/^\s*</.test(body)) {
		message = body.trim().slice(0, 300);
	}
	requestId ??=
		headerValue(response.headers, 'x-request-id') ??
		headerValue(response.headers, 'request-id') ??
		headerValue(response.headers, 'x-correlation-id');
	return {
		message: message ?? `Haiilo Share answered HTTP ${response.statusCode}`,
		code,
		requestId,
		hint: hintFor(response.statusCode),
	};
}

export const haiiloProvider: Provider = {
	name: 'Haiilo Share',
	credentialType: CREDENTIAL_TYPE,
	describeError: describeHaiiloError,
	secretFields: ['accessToken'],
};

/** `https://{subdomain}.smarpshare.com`, or the credential's Base URL when set. */
export function baseUrlFrom(credentials: IDataObject): string | undefined {
	const explicit = String(credentials.baseUrl ?? '').trim();
	if (explicit !== '') return explicit.replace(/\/+$/, '').replace(/\/api\/v1$/i, '');
	const subdomain = String(credentials.subdomain ?? '')
		.trim()
		.replace(/^https?:\/\//i, '')
		.replace(/\.smarpshare\.com.*$/i, '')
		.replace(/\/+$/, '');
	return subdomain === '' ? undefined : `https://${subdomain}.smarpshare.com`;
}

export async function haiiloBaseUrl(ctx: RequestContext): Promise<string> {
	const base = baseUrlFrom(await ctx.getCredentials(CREDENTIAL_TYPE));
	if (!base) {
		throw new NodeOperationError(ctx.getNode(), 'The Haiilo Share credential has no Subdomain', {
			description: 'Set "Subdomain" (the part before .smarpshare.com) or "Base URL" in the credential.',
		});
	}
	return base;
}

const LIST_KEYS = ['shares', 'data', 'items', 'results', 'value', 'records'];
const NEXT_KEYS = ['next', 'nextpage', 'nextlink', 'nexturl', 'nextcursor', 'nexttoken'];

function listIn(object: IDataObject): IDataObject[] | undefined {
	const fields = new Map(Object.entries(object).map(([key, value]) => [normaliseKey(key), value]));
	for (const key of LIST_KEYS) {
		const value = fields.get(key);
		if (Array.isArray(value)) return value as IDataObject[];
		// `{ data: { shares: [...] } }`
		if (value && typeof value === 'object') {
			const inner = listIn(value as IDataObject);
			if (inner) return inner;
		}
	}
	return undefined;
}

function nextIn(object: IDataObject): string | undefined {
	const fields = new Map(Object.entries(object).map(([key, value]) => [normaliseKey(key), value]));
	for (const key of NEXT_KEYS) {
		const value = fields.get(key);
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (typeof value === 'number') return String(value);
	}
	for (const key of ['paging', 'pagination', 'meta']) {
		const value = fields.get(key);
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const next = nextIn(value as IDataObject);
			if (next) return next;
		}
	}
	return undefined;
}

/** One page of `GET /api/v1/shares`: a bare array, or an object with the list and `next` at the top. */
export function readSharesPage(body: unknown): Page<IDataObject> {
	if (Array.isArray(body)) return { items: body as IDataObject[] };
	if (!body || typeof body !== 'object') return { items: [] };
	const page = body as IDataObject;
	return { items: listIn(page) ?? [], next: nextIn(page) };
}

export interface ShareRange {
	from?: Date;
	to?: Date;
}

/**
 * Pages of `GET /api/v1/shares?from&to`, following each page's `next` (a
 * full URL, a query fragment or a bare token appended to the first URL) until
 * it is absent, or until `limit` shares were read.
 */
export async function* sharePages(
	ctx: RequestContext,
	range: ShareRange,
	settings: RequestSettings = {},
	limit?: number,
): AsyncGenerator<IDataObject[]> {
	const base = await haiiloBaseUrl(ctx);
	const qs: IDataObject = {};
	if (range.from) qs.from = toRfc3339Utc(range.from);
	if (range.to) qs.to = toRfc3339Utc(range.to);
	yield* paginate<IDataObject>(ctx.getNode(), {
		first: { method: 'GET', url: `${base}/api/v1/shares`, qs },
		fetchPage: async (request) => (await sendRequest(ctx, haiiloProvider, request, settings)).body,
		readPage: readSharesPage,
		nextRequest: appendToOriginalUrl,
		limit,
		what: 'shares',
	});
}
