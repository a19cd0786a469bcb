import { createHmac } from 'crypto';
import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { redactText } from '../nodes/shared/errors';
import { requestDeps } from '../nodes/shared/request';
import {
	DAY_MS,
	TokenRefreshDue,
	TokenRefreshError,
	deferredFields,
	firstSightFields,
	isInstagramLogin,
	readRefreshFailure,
	readRefreshResponse,
	readTokenState,
	refreshUrl,
	refreshedFields,
	tokenFingerprint,
	tokenInUse,
	unchangedFields,
	type RefreshFailure,
	type TokenState,
} from '../nodes/Instagram/tokenRefresh';

/** `v24.0`: Meta's version path segment. */
export const API_VERSION_PATTERN = /^v\d{1,2}\.\d$/;

export const GRAPH_HOSTS = {
	facebookLogin: 'https://graph.facebook.com',
	instagramLogin: 'https://graph.instagram.com',
} as const;

/**
 * `appsecret_proof`: hex HMAC-SHA256 of the access token keyed with the app
 * secret, required on every call by apps with "Require App Secret" on.
 */
export function appSecretProof(accessToken: string, appSecret: string): string {
	return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

// Requests sent at the same time all find the token due: they share one refresh.
const refreshesInFlight = new Map<string, Promise<IDataObject>>();

async function refreshToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	accessToken: string,
	state: TokenState,
	now: number,
): Promise<IDataObject> {
	// The refresh endpoint takes the token in the query string (Meta requires it): keep it out of every message.
	const secrets = [accessToken, state.token, String(credentials.appSecret ?? '')].filter((value) => value.length > 0);
	let failure: RefreshFailure;
	try {
		const response = (await helper.helpers.httpRequest({
			method: 'GET',
			url: refreshUrl(credentials.baseUrl),
			qs: { grant_type: 'ig_refresh_token', access_token: state.token },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown };
		const refreshed = response.statusCode >= 200 && response.statusCode < 300 ? readRefreshResponse(response.body) : undefined;
		if (refreshed) return refreshedFields(accessToken, refreshed.token, refreshed.expiresInMs, now);
		failure =
			response.statusCode >= 200 && response.statusCode < 300
				? { detail: 'Meta answered without a new access_token', transient: true }
				: readRefreshFailure(response.statusCode, response.body, secrets);
	} catch (error) {
		failure = { detail: `Meta could not be reached (${redactText(String((error as Error).message ?? error), secrets)})`, transient: true };
	}
	// A refresh that may pass later is no reason to stop a token that still works.
	if (failure.transient && (state.expiresAt === undefined || state.expiresAt - now > DAY_MS)) {
		return deferredFields(accessToken, state, now);
	}
	const expiry =
		state.expiresAt === undefined
			? ''
			: `; the token ${state.expiresAt <= now ? 'expired' : 'expires'} at ${new Date(state.expiresAt).toISOString()}`;
	throw new TokenRefreshError(`${failure.detail}${expiry}`);
}

export class InstagramGraphApi implements ICredentialType {
	name = 'instagramGraphApi';

	displayName = 'Instagram Graph API';

	icon: Icon = { light: 'file:../nodes/Instagram/instagram.svg', dark: 'file:../nodes/Instagram/instagram.dark.svg' };

	documentationUrl = 'https://developers.facebook.com/docs/instagram-platform/insights';

	properties: INodeProperties[] = [
		{
			displayName: 'Login Type',
			name: 'loginType',
			type: 'options',
			options: [
				{
					name: 'Facebook Login (graph.facebook.com)',
					value: 'facebookLogin',
					description:
						'Instagram API with Facebook Login: the professional account is linked to a Facebook Page',
				},
				{
					name: 'Instagram Login (graph.instagram.com)',
					value: 'instagramLogin',
					description: 'Instagram API with Instagram Login (Business Login for Instagram)',
				},
			],
			default: 'facebookLogin',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long-lived token (60 days) or a System User token (does not expire). Short-lived tokens from the Graph API Explorer stop working after about an hour.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: 'v24.0',
			placeholder: 'v24.0',
			description:
				'Graph API version in the form vNN.N, e.g. v24.0. Metrics Meta removed in this version are never requested.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://graph.facebook.com',
			description:
				'Leave empty to use the host of the login type. Set it to go through a proxy or an emulator.',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. When set, every request carries appsecret_proof, as apps with "Require App Secret" need.',
		},
		{
			displayName:
				'With Instagram Login, n8n refreshes the long-lived token by itself (about once a week) and keeps the new one in this credential, as long as a workflow using it runs at least once every few weeks.',
			name: 'instagramLoginNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { loginType: ['instagramLogin'] } },
		},
		{
			displayName:
				'With Facebook Login, use a token that does not expire: a System User token (Business Settings > Users > System Users > Generate New Token, with the instagram_basic and instagram_manage_insights permissions), or a Page access token obtained with a long-lived user token.',
			name: 'facebookLoginNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { loginType: ['facebookLogin'] } },
		},
		// Kept by n8n, never shown: the Instagram Login token in use after refreshes (see nodes/Instagram/tokenRefresh.ts).
		{
			displayName: 'Refreshed Token',
			name: 'refreshedToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Refreshed Token Expires At',
			name: 'refreshedExpiresAt',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Next Refresh At',
			name: 'refreshDueAt',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Refreshed From',
			name: 'refreshedFrom',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * n8n runs this when `refreshedToken` is empty (first use) and when a
	 * request answered 401, which `authenticate` raises once the token is due
	 * for a refresh. What it returns is saved in the credential and used at once.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		if (!isInstagramLogin(credentials)) return {};
		const now = requestDeps.now();
		const accessToken = String(credentials.accessToken ?? '').trim();
		const state = readTokenState(credentials);
		let output: IDataObject;
		if (!state) output = firstSightFields(accessToken, now);
		else if (now < state.dueAt) output = unchangedFields(accessToken, state);
		else {
			const key = tokenFingerprint(state.token);
			let pending = refreshesInFlight.get(key);
			if (!pending) {
				pending = refreshToken(this, credentials, accessToken, state, now).finally(() => refreshesInFlight.delete(key));
				refreshesInFlight.set(key, pending);
			}
			output = await pending;
		}
		// Also when n8n does not save it (a credential test): this request uses it.
		Object.assign(credentials, output);
		return output;
	}

	// A generic block can neither compute an HMAC nor ask n8n for a refresh, hence the function form.
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const appSecret = String(credentials.appSecret ?? '').trim();
		const version = String(credentials.apiVersion ?? '').trim();
		if (version !== '' && !API_VERSION_PATTERN.test(version)) {
			throw new Error(`The credential's API Version "${version}" is not valid: use the form v24.0`);
		}
		const { token: accessToken, refreshDue } = tokenInUse(credentials, requestDeps.now());
		if (refreshDue) throw new TokenRefreshDue();
		const authenticated: IHttpRequestOptions = {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${accessToken}` },
		};
		// A paging.next URL from Meta may already carry the proof.
		if (appSecret !== '' && !/[?&]appsecret_proof=/.test(requestOptions.url ?? '')) {
			authenticated.qs = { ...(requestOptions.qs ?? {}), appsecret_proof: appSecretProof(accessToken, appSecret) };
		}
		return authenticated;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.baseUrl ? $credentials.baseUrl : ($credentials.loginType === "instagramLogin" ? "https://graph.instagram.com" : "https://graph.facebook.com")).replace(/\\/+$/, "") }}',
			url: '=/{{ $credentials.apiVersion }}/me',
			method: 'GET',
		},
	};
}
