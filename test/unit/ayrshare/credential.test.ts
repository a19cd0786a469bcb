import { AyrshareApi } from '../../../credentials/AyrshareApi.credentials';

const credential = new AyrshareApi();
const authenticate = (credentials: Record<string, string>, headers?: Record<string, string>) =>
	credential.authenticate(credentials, { url: '/history', ...(headers ? { headers } : {}) });

describe('ayrshareApi credential', () => {
	it('sends the API key as a Bearer token and no Profile-Key when none is set', async () => {
		const options = await authenticate({ apiKey: 'k1', profileKey: '' });
		expect(options.headers).toEqual({ Authorization: 'Bearer k1' });
	});

	it('never sends an empty or blank Profile-Key header', async () => {
		expect((await authenticate({ apiKey: 'k1', profileKey: '   ' })).headers).toEqual({ Authorization: 'Bearer k1' });
		expect((await authenticate({ apiKey: 'k1' }, { 'profile-key': '' })).headers).toEqual({ Authorization: 'Bearer k1' });
	});

	it('sends the credential Profile-Key, trimmed', async () => {
		const options = await authenticate({ apiKey: 'k1', profileKey: ' P-1 ' });
		expect(options.headers).toEqual({ Authorization: 'Bearer k1', 'Profile-Key': 'P-1' });
	});

	it('lets a Profile-Key set on the request (the node option) win over the credential one, in any case', async () => {
		expect((await authenticate({ apiKey: 'k1', profileKey: 'P-1' }, { 'Profile-Key': 'P-2' })).headers).toEqual({
			'Profile-Key': 'P-2',
			Authorization: 'Bearer k1',
		});
		expect((await authenticate({ apiKey: 'k1', profileKey: 'P-1' }, { 'profile-key': 'P-3' })).headers).toEqual({
			'profile-key': 'P-3',
			Authorization: 'Bearer k1',
		});
	});

	it('replaces any Authorization header already on the request and keeps other headers', async () => {
		const options = await authenticate({ apiKey: 'k1' }, { authorization: 'Bearer old', Accept: 'application/json' });
		expect(options.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer k1' });
		expect(options.url).toBe('/history');
	});

	it('has a test request on GET /user at the Base URL without trailing slashes', () => {
		expect(credential.test.request).toEqual({
			baseURL: '={{ String($credentials.baseUrl || "https://api.ayrshare.com/api").replace(/\\/+$/, "") }}',
			url: '/user',
			method: 'GET',
		});
		expect(credential.properties.map((property) => [property.name, property.default])).toEqual([
			['apiKey', ''],
			['profileKey', ''],
			['baseUrl', 'https://api.ayrshare.com/api'],
		]);
	});
});
