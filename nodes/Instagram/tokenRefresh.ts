/**
 * Instagram Login tokens that stay alive.
 *
 * A long-lived Instagram Login token lives 60 days and is renewed with
 * `GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token=…`,
 * which Meta only accepts once the token is at least 24 hours old. The
 * credential keeps the token in use, with its expiry and the time of its next
 * refresh, in hidden fields that n8n saves with the credential:
 *
 * - `refreshedToken` (expirable): the token requests use.
 * - `refreshedExpiresAt`: when it expires ('' while unknown).
 * - `refreshDueAt`: when it is to be refreshed.
 * - `refreshedFrom`: a fingerprint of the Access Token field it descends from,
 *   so that a token the user pastes later replaces the chain.
 *
 * n8n runs a credential's `preAuthentication` when its expirable field is
 * empty, or when a request fails with HTTP 401, and then saves what it returns.
 * Meta answers an expired token with HTTP 400 (code 190), and refreshing must
 * happen before that anyway, so the credential's `authenticate` raises that
 * 401 itself, before anything is sent, once `refreshDueAt` has passed: n8n
 * then runs `preAuthentication`, which refreshes, saves the new token, and
 * sends the request again with it. Pure rules live here; the credential wires
 * them into n8n.
 */
import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { redactText } from '../shared/errors';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Meta refuses to refresh a token younger than this. */
export const MIN_REFRESH_AGE_MS = DAY_MS;
/** A refreshed token is refreshed again once it is this old (it lives 60 days). */
export const REFRESH_AGE_MS = 7 * DAY_MS;
/** After a refresh Meta did not answer, the next try. */
export const RETRY_AFTER_MS = HOUR_MS;
/** When Meta leaves out `expires_in`: its documented 60 days. */
export const DEFAULT_LIFETIME_MS = 60 * DAY_MS;

export const TOKEN_FIELDS = {
	token: 'refreshedToken',
	expiresAt: 'refreshedExpiresAt',
	dueAt: 'refreshDueAt',
	source: 'refreshedFrom',
} as const;

export const INSTAGRAM_HOST = 'https://graph.instagram.com';

/** Start of every refresh failure's message; the transport knows it by this. */
export const TOKEN_REFRESH_FAILED = 'The Instagram access token could not be refreshed';

export const TOKEN_REFRESH_HINT =
	'With Instagram Login n8n refreshes the long-lived token itself, about once a week, as long as a workflow using the credential runs at least once every few weeks. ' +
	'If the token has expired or was revoked, create a new long-lived token (exchange a short-lived one at graph.instagram.com/access_token?grant_type=ig_exchange_token) ' +
	"and paste it into the credential's Access Token field: it is refreshed from then on. If Meta was only unreachable, run the workflow again later.";

/**
 * Thrown by the credential's `authenticate` once the token is due: an HTTP
 * 401 to n8n, which answers it by running `preAuthentication` (the refresh)
 * and sending the request again. Nothing has been sent when it is thrown.
 */
export class TokenRefreshDue extends Error {
	readonly response = { status: 401 };

	constructor() {
		super('The Instagram access token is due for its refresh, which n8n runs before sending the request');
		this.name = 'TokenRefreshDue';
	}
}

export class TokenRefreshError extends Error {
	constructor(detail: string) {
		super(`${TOKEN_REFRESH_FAILED}: ${detail}`);
		this.name = 'TokenRefreshError';
	}
}

/** Not the token: a short hash that tells whether the Access Token field changed. */
export function tokenFingerprint(token: string): string {
	return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

function time(value: unknown): number | undefined {
	const parsed = typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : Number.NaN;
	return Number.isNaN(parsed) ? undefined : parsed;
}

export function isInstagramLogin(credentials: ICredentialDataDecryptedObject): boolean {
	return credentials.loginType === 'instagramLogin';
}

export interface TokenState {
	token: string;
	expiresAt?: number;
	dueAt: number;
}

/** The saved state, when it belongs to the token in the Access Token field. */
export function readTokenState(credentials: ICredentialDataDecryptedObject): TokenState | undefined {
	const token = text(credentials[TOKEN_FIELDS.token]);
	const dueAt = time(credentials[TOKEN_FIELDS.dueAt]);
	const accessToken = text(credentials.accessToken);
	if (!token || dueAt === undefined || !accessToken) return undefined;
	if (text(credentials[TOKEN_FIELDS.source]) !== tokenFingerprint(accessToken)) return undefined;
	return { token, dueAt, expiresAt: time(credentials[TOKEN_FIELDS.expiresAt]) };
}

/**
 * The token a request carries, and whether it is due for a refresh. Facebook
 * Login tokens are used as they are (page and system-user tokens do not
 * expire). Before n8n ran `preAuthentication` there is no state: the Access
 * Token field is used as it is.
 */
export function tokenInUse(credentials: ICredentialDataDecryptedObject, now: number): { token: string; refreshDue: boolean } {
	const accessToken = text(credentials.accessToken);
	if (!isInstagramLogin(credentials) || text(credentials[TOKEN_FIELDS.token]) === '') {
		return { token: accessToken, refreshDue: false };
	}
	const state = readTokenState(credentials);
	// A state of another token: the user pasted a new one, which starts a new chain.
	if (!state) return { token: accessToken, refreshDue: true };
	return { token: state.token, refreshDue: now >= state.dueAt };
}

function iso(ms: number | undefined): string {
	return ms === undefined ? '' : new Date(ms).toISOString();
}

function stateFields(accessToken: string, state: TokenState): IDataObject {
	return {
		[TOKEN_FIELDS.token]: state.token,
		[TOKEN_FIELDS.expiresAt]: iso(state.expiresAt),
		[TOKEN_FIELDS.dueAt]: iso(state.dueAt),
		[TOKEN_FIELDS.source]: tokenFingerprint(accessToken),
	};
}

/**
 * A token seen for the first time: its age and expiry are unknown, but it is
 * at least as old as this moment, so it can be refreshed a day from now.
 */
export function firstSightFields(accessToken: string, now: number): IDataObject {
	return stateFields(accessToken, { token: accessToken, dueAt: now + MIN_REFRESH_AGE_MS });
}

export function unchangedFields(accessToken: string, state: TokenState): IDataObject {
	return stateFields(accessToken, state);
}

/** After a refresh: the new token, its expiry, and its next refresh (a week on, or a day before it expires). */
export function refreshedFields(accessToken: string, newToken: string, expiresInMs: number, now: number): IDataObject {
	const expiresAt = now + expiresInMs;
	const dueAt = Math.max(now + MIN_REFRESH_AGE_MS, Math.min(now + REFRESH_AGE_MS, expiresAt - DAY_MS));
	return stateFields(accessToken, { token: newToken, expiresAt, dueAt });
}

/** Meta was not reachable, and the token still has time: keep it, and try again in an hour. */
export function deferredFields(accessToken: string, state: TokenState, now: number): IDataObject {
	return stateFields(accessToken, { ...state, dueAt: now + RETRY_AFTER_MS });
}

/** `{"access_token":"…","token_type":"bearer","expires_in":5183944}` (seconds; numbers as strings tolerated). */
export function readRefreshResponse(body: unknown): { token: string; expiresInMs: number } | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const fields = body as IDataObject;
	const token = text(fields.access_token);
	if (!token) return undefined;
	const seconds = typeof fields.expires_in === 'string' ? Number(fields.expires_in) : fields.expires_in;
	const expiresInMs = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_LIFETIME_MS;
	return { token, expiresInMs };
}

export interface RefreshFailure {
	/** Meta's words (redacted), or what went wrong. */
	detail: string;
	/** Worth trying again later (network, 5xx, a transient or throttling code). */
	transient: boolean;
}

/** Reads a failed refresh answer: Meta's message and code, and whether it may pass. */
export function readRefreshFailure(statusCode: number, body: unknown, secrets: string[]): RefreshFailure {
	const error = body && typeof body === 'object' ? ((body as IDataObject).error as IDataObject | undefined) : undefined;
	const code = typeof error?.code === 'number' ? error.code : Number(error?.code ?? Number.NaN);
	const message = typeof error?.message === 'string' ? error.message : undefined;
	const transient =
		statusCode >= 500 ||
		statusCode === 429 ||
		error?.is_transient === true ||
		[1, 2, 4, 17, 32, 613].includes(code);
	const detail = message
		? `${message}${Number.isFinite(code) ? ` (code ${code}${error?.error_subcode !== undefined ? `, subcode ${String(error.error_subcode)}` : ''})` : ''}`
		: `Meta answered HTTP ${statusCode}`;
	return { detail: redactText(detail, secrets), transient };
}

export function refreshUrl(baseUrl: unknown): string {
	const base = text(baseUrl).replace(/\/+$/, '') || INSTAGRAM_HOST;
	return `${base}/refresh_access_token`;
}
