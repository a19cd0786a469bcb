import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class Data365Api implements ICredentialType {
	name = 'data365Api';

	displayName = 'Data365 API';

	icon = { light: 'file:../nodes/Data365/data365.svg', dark: 'file:../nodes/Data365/data365.dark.svg' } as const;

	documentationUrl = 'https://api.data365.co/v1.1/docs';

	properties: INodeProperties[] = [
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'options',
			options: [
				{
					name: 'Graph API (Legacy, api.singularex.com)',
					value: 'graph',
					description: 'The original Graph-style API: GET requests with a "fields" graph request',
				},
				{
					name: 'v1.1 (Current, api.data365.co)',
					value: 'v1.1',
					description: 'The current API: an update task is started and polled, then the data is read',
				},
			],
			default: 'v1.1',
			description: 'Which Data365 API the access token belongs to. Tokens of one do not work with the other.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The access token Data365 provided. It is sent as the access_token query parameter.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.data365.co/v1.1',
			description:
				'Leave empty for the API Version\'s own host (https://api.singularex.com/instagram for Graph, https://api.data365.co/v1.1 for v1.1). Set it only for a proxy or a test server.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { access_token: '={{$credentials.accessToken}}' } },
	};

	// Graph: a one-field tag request (202 "loading" is a success too). v1.1: the
	// status of a profile's update task, which reads without starting a task.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ String($credentials.baseUrl || ($credentials.apiVersion === "graph" ? "https://api.singularex.com/instagram" : "https://api.data365.co/v1.1")).replace(/\\/+$/, "") }}',
			url: '={{ $credentials.apiVersion === "graph" ? "/tag/instagram?fields=id" : "/instagram/profile/instagram/update" }}',
			method: 'GET',
		},
	};
}
