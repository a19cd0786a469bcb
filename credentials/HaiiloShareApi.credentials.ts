import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export class HaiiloShareApi implements ICredentialType {
	name = 'haiiloShareApi';

	displayName = 'Haiilo Share API';

	icon: Icon = {
		light: 'file:../nodes/HaiiloShare/haiiloShare.svg',
		dark: 'file:../nodes/HaiiloShare/haiiloShare.dark.svg',
	};

	documentationUrl =
		'https://github.com/social-analytics/n8n-nodes-social-analytics/blob/main/docs/haiilo.md#credential-haiilo-share-api';

	properties: INodeProperties[] = [
		{
			displayName:
				'Create an access token in Haiilo Share under Settings > Access tokens (an admin may need to enable the feature). A token stops working when the user who created it is deleted, so create it as a service user.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			placeholder: 'acme',
			description:
				'The part before .smarpshare.com in your Haiilo Share address: "acme" for https://acme.smarpshare.com',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Haiilo Share access token (Settings > Access tokens). It dies with the user who created it: use a service user.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://acme.smarpshare.com',
			description:
				'Leave empty to use https://{subdomain}.smarpshare.com. Set it to reach Haiilo Share through a proxy or a local emulator.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	// A one-second window long ago: proves the token can read shares without downloading any.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.baseUrl || "").trim() ? $credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/api\\/v1$/i, "") : "https://" + ($credentials.subdomain || "").trim().replace(/^https?:\\/\\//i, "").replace(/\\.smarpshare\\.com.*$/i, "") + ".smarpshare.com" }}',
			url: '/api/v1/shares',
			method: 'GET',
			qs: { from: '2000-01-01T00:00:00Z', to: '2000-01-01T00:00:01Z' },
		},
	};
}
