import { createHmac } from 'crypto';
import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

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
	];

	// A generic block cannot compute an HMAC, hence the function form.
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const accessToken = String(credentials.accessToken ?? '').trim();
		const appSecret = String(credentials.appSecret ?? '').trim();
		const version = String(credentials.apiVersion ?? '').trim();
		if (version !== '' && !API_VERSION_PATTERN.test(version)) {
			throw new Error(`The credential's API Version "${version}" is not valid: use the form v24.0`);
		}
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
