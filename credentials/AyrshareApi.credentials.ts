import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

function hasHeader(headers: IHttpRequestOptions['headers'], name: string): boolean {
	const wanted = name.toLowerCase();
	return Object.entries(headers ?? {}).some(
		([key, value]) => key.toLowerCase() === wanted && value !== undefined && value !== null && String(value).trim() !== '',
	);
}

function withoutHeader(headers: Record<string, unknown>, name: string): Record<string, unknown> {
	const wanted = name.toLowerCase();
	return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== wanted));
}

export class AyrshareApi implements ICredentialType {
	name = 'ayrshareApi';

	displayName = 'Ayrshare API';

	icon = { light: 'file:../nodes/Ayrshare/ayrshare.svg', dark: 'file:../nodes/Ayrshare/ayrshare.dark.svg' } as const;

	documentationUrl = 'https://www.ayrshare.com/docs/apis/overview';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The API key of the primary profile, from the API Key page of the Ayrshare dashboard',
		},
		{
			displayName: 'Profile Key',
			name: 'profileKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The Profile Key of a user profile (Business plan), sent as the Profile-Key header. Leave empty for the primary profile. The node\'s "Profile Key" option overrides it per item.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.ayrshare.com/api',
			description: 'Ayrshare\'s API root. The older https://app.ayrshare.com/api works too; change it only for a proxy or a test server.',
		},
	];

	/**
	 * A function rather than a generic block: a generic header whose expression
	 * is empty is still sent (`Profile-Key: `), and a Profile-Key the node set
	 * for one item must win over the credential's.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const current = (requestOptions.headers ?? {}) as Record<string, unknown>;
		const nodeSetProfileKey = hasHeader(requestOptions.headers, 'Profile-Key');
		let headers = withoutHeader(current, 'Authorization');
		if (!nodeSetProfileKey) headers = withoutHeader(headers, 'Profile-Key');
		headers.Authorization = `Bearer ${String(credentials.apiKey ?? '')}`;
		const profileKey = typeof credentials.profileKey === 'string' ? credentials.profileKey.trim() : '';
		if (!nodeSetProfileKey && profileKey !== '') headers['Profile-Key'] = profileKey;
		return { ...requestOptions, headers: headers as IHttpRequestOptions['headers'] };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.baseUrl || "https://api.ayrshare.com/api").replace(/\\/+$/, "") }}',
			url: '/user',
			method: 'GET',
		},
	};
}
