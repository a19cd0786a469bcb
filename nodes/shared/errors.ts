import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export const REDACTED = '[redacted]';

// Query parameters and JSON keys whose values are secrets whatever the provider.
const SECRET_KEYS = [
	'access_token',
	'accessToken',
	'api_key',
	'apiKey',
	'apikey',
	'appsecret_proof',
	'client_secret',
	'fb_exchange_token',
	'refresh_token',
	'token',
	'password',
	'profile-key',
	'profileKey',
	'authorization',
];
const SECRET_KEY_SET = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));

const QUERY_SECRET = new RegExp(
	`([?&;,\\s"'](?:${SECRET_KEYS.filter((key) => !key.includes('-')).join('|')})=)[^&\\s"',;]+`,
	'gi',
);
// A token has at least 8 characters and a digit, so "Bearer token expired" stays readable.
const BEARER = /\b(Bearer)\s+(?=[A-Za-z._~+/=:-]*\d)[A-Za-z0-9._~+/=:-]{8,}/gi;
const AUTH_HEADER = /(["']?(?:authorization|profile-key)["']?\s*[:=]\s*["']?)[^"',}\r\n]+/gi;

/**
 * Removes access tokens, API keys and Authorization headers from a text.
 * `secrets` are the literal secret values of the credential in use, so that a
 * token echoed back by a provider in any form is caught too.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= 4) {
			result = result.split(secret).join(REDACTED);
			const encoded = encodeURIComponent(secret);
			if (encoded !== secret) result = result.split(encoded).join(REDACTED);
		}
	}
	return result
		.replace(QUERY_SECRET, `$1${REDACTED}`)
		.replace(AUTH_HEADER, `$1${REDACTED}`)
		.replace(BEARER, `$1 ${REDACTED}`);
}

/** Deep copy of a JSON value with every secret removed (keys and values). */
export function redactValue<T>(value: T, secrets: readonly string[] = []): T {
	const seen = new WeakSet<object>();
	const walk = (current: unknown): unknown => {
		if (typeof current === 'string') return redactText(current, secrets);
		if (current === null || typeof current !== 'object') return current;
		if (seen.has(current)) return '[circular]';
		seen.add(current);
		if (Array.isArray(current)) return current.map(walk);
		const copy: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(current as Record<string, unknown>)) {
			copy[key] =
				SECRET_KEY_SET.has(key.toLowerCase()) && inner !== null && inner !== undefined && inner !== ''
					? REDACTED
					: walk(inner);
		}
		return copy;
	};
	return walk(value) as T;
}

/** What a provider says about a failed response, in its own words. */
export interface ProviderErrorInfo {
	message: string;
	code?: string | number;
	requestId?: string;
	/** Plain words on what to do about it. */
	hint?: string;
}

export interface ApiErrorInput extends ProviderErrorInfo {
	providerName: string;
	httpCode?: number;
	/** The provider's error body, kept (redacted) for the execution log. */
	body?: unknown;
	itemIndex?: number;
	secrets?: readonly string[];
}

/**
 * The one place a provider failure becomes a NodeApiError: the provider's
 * message and code, its request id, a plain hint, nothing secret.
 */
export function buildApiError(node: INode, input: ApiErrorInput): NodeApiError {
	const secrets = input.secrets ?? [];
	const message = redactText(input.message || `${input.providerName} request failed`, secrets);
	const details: string[] = [];
	if (input.code !== undefined && input.code !== '') details.push(`${input.providerName} error code: ${input.code}.`);
	if (input.requestId) details.push(`Request ID: ${input.requestId}.`);
	const description = redactText([input.hint, ...details].filter(Boolean).join(' '), secrets);
	const response: IDataObject = {
		message,
		...(input.code !== undefined ? { code: input.code } : {}),
		...(input.requestId ? { requestId: input.requestId } : {}),
		...(input.httpCode !== undefined ? { httpCode: input.httpCode } : {}),
		...(input.body !== undefined ? { body: redactValue(input.body, secrets) as IDataObject } : {}),
	};
	const error = new NodeApiError(node, response as JsonObject, {
		message,
		description: description || undefined,
		httpCode: input.httpCode !== undefined ? String(input.httpCode) : undefined,
		itemIndex: input.itemIndex,
	});
	// NodeApiError swaps the message for a generic one per HTTP status; users
	// need the provider's own words, so they are put back.
	error.message = message;
	return error;
}
