/**
 * Each error type of both APIs, retries of 500 and 429, Continue On Fail,
 * bad input refused before any request, and the token kept out of every
 * item, message and run.
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { runNode } from '../../harness/engine';
import { useFakeTime } from '../../fixtures/data365/fakeTime';
import { GRAPH_HOST, graphCredentials, registry, TOKEN, V11_HOST, v11Credentials } from '../../fixtures/data365/registry';

const graphError = (type: string, message: string) => ({ error: { message, type }, data: {}, status: type });
const v11Error = (code: string, message: string) => ({ status: 'fail', error: { code, message }, data: null });

const time = useFakeTime();

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function expectNoToken(result: Awaited<ReturnType<typeof runNode>>): void {
	expect(JSON.stringify(result.items())).not.toContain(TOKEN);
	expect(result.error?.message ?? '').not.toContain(TOKEN);
	expect(result.error?.description ?? '').not.toContain(TOKEN);
	expect(JSON.stringify(result.run)).not.toContain(TOKEN);
}

describe('Data365 Graph API errors', () => {
	it('InvalidRequestError (400) shows the API message naming the bad field, without retrying', async () => {
		const scope = nock(GRAPH_HOST)
			.get('/instagram/media/1770093817144369706')
			.query({ fields: 'id_', access_token: TOKEN })
			.reply(400, graphError('InvalidRequestError', 'Cannot query field "id_" on type "Media". Did you mean "id"?'));

		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'media', operation: 'get', mediaId: '1770093817144369706', options: { graphRequest: 'id_' } },
			credentials: graphCredentials(),
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Data365 rejected the request: Cannot query field "id_" on type "Media". Did you mean "id"?');
		expect(result.error?.description).toBe(
			'The message names the field or parameter Data365 did not accept. Check the "Fields" and "Graph Request" options and the dates. Data365 error code: InvalidRequestError.',
		);
		expect(result.error?.httpCode).toBe('400');
		expect(time.waits).toEqual([]);
		expect(scope.isDone()).toBe(true);
		expectNoToken(result);
	});

	it('AuthenticationError (403) says the token is missing or invalid', async () => {
		nock(GRAPH_HOST).get('/instagram/tag/juice').query(true).reply(403, graphError('AuthenticationError', 'Invalid access token'));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice' },
			credentials: graphCredentials(),
		});
		expect(result.error?.message).toBe('The Data365 access token is missing or invalid: Invalid access token');
		expect(result.error?.description).toBe(
			'Check the Access Token in the Data365 credential, and that its API Version (Graph or v1.1) is the one the token was issued for. Data365 error code: AuthenticationError.',
		);
		expect(time.waits).toEqual([]);
	});

	it('NodeNotExistsError (404) says which user could not be found', async () => {
		nock(GRAPH_HOST)
			.get('/instagram/user/nobody_here')
			.query(true)
			.reply(404, graphError('NodeNotExistsError', 'Some nodes you requested cannot be loaded: nobody_here'));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'getMedia', username: 'nobody_here', limit: 5 },
			credentials: graphCredentials(),
		});
		expect(result.error?.message).toBe(
			'Data365 could not find the Instagram user "nobody_here": Some nodes you requested cannot be loaded: nobody_here',
		);
		expect(result.error?.description).toContain('Data365 error code: NodeNotExistsError.');
	});

	it('an error type in a 200 body is a failure too', async () => {
		nock(GRAPH_HOST).get('/instagram/media/1').query(true).reply(200, graphError('NodeNotExistsError', 'Some nodes you requested cannot be loaded: 1'));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'media', operation: 'get', mediaId: '1' },
			credentials: graphCredentials(),
		});
		expect(result.error?.message).toBe('Data365 could not find the Instagram media "1": Some nodes you requested cannot be loaded: 1');
	});

	it('InternalServerError (500) is retried with backoff, then the data comes', async () => {
		const scope = nock(GRAPH_HOST)
			.get('/instagram/tag/juice')
			.query(true)
			.times(2)
			.reply(500, graphError('InternalServerError', 'Internal server error'))
			.get('/instagram/tag/juice')
			.query(true)
			.reply(200, { error: {}, data: { id: 'juice' }, status: 'ok' });
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice', options: { fields: ['id'] } },
			credentials: graphCredentials(),
		});
		expect(result.json()).toEqual([{ id: 'juice' }]);
		expect(time.waits).toEqual([500, 1000]);
		expect(scope.isDone()).toBe(true);
	});

	it('InternalServerError that persists fails after the retries with the API\'s words', async () => {
		nock(GRAPH_HOST).get('/instagram/tag/juice').query(true).times(5).reply(500, graphError('InternalServerError', 'Internal server error'));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice' },
			credentials: graphCredentials(),
		});
		expect(result.error?.message).toBe(
			'Data365 had an internal error: Internal server error (gave up after 5 attempts: HTTP 500)',
		);
		expect(time.waits).toEqual([500, 1000, 2000, 4000]);
	});

	it('429 is retried after the Retry-After the API gives', async () => {
		nock(GRAPH_HOST)
			.get('/instagram/tag/juice')
			.query(true)
			.reply(429, { error: { message: 'Too many requests' }, data: {}, status: 'TooManyRequests' }, { 'Retry-After': '7' })
			.get('/instagram/tag/juice')
			.query(true)
			.reply(200, { error: {}, data: { id: 'juice' }, status: 'ok' });
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice', options: { fields: ['id'] } },
			credentials: graphCredentials(),
		});
		expect(result.json()).toEqual([{ id: 'juice' }]);
		expect(time.waits).toEqual([7000]);
	});
});

describe('Data365 v1.1 errors', () => {
	it('NotFoundError (404) on reading says which hashtag could not be found', async () => {
		nock(V11_HOST).get('/v1.1/instagram/tag/nothing').query(true).reply(404, v11Error('NotFoundError', 'Hashtag not found'));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'nothing', options: { skipUpdate: true } },
			credentials: v11Credentials(),
		});
		expect(result.error?.message).toBe('Data365 could not find the Instagram hashtag "#nothing": Hashtag not found');
		expect(result.error?.description).toContain('Data365 error code: NotFoundError.');
	});

	it('401 on starting the task says the token is missing or invalid', async () => {
		nock(V11_HOST)
			.post('/v1.1/instagram/profile/spacex/update')
			.query(true)
			.reply(401, v11Error('AuthenticationError', 'Invalid access_token'));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'spacex' },
			credentials: v11Credentials(),
		});
		expect(result.error?.message).toBe('The Data365 access token is missing or invalid: Invalid access_token');
	});

	it('a 400 validation error shows the API message', async () => {
		nock(V11_HOST)
			.post('/v1.1/instagram/profile/spacex/update')
			.query(true)
			.reply(400, v11Error('ValidationError', 'max_posts: must be at most 1000'));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'getMedia', username: 'spacex', limit: 5000 },
			credentials: v11Credentials(),
		});
		expect(result.error?.message).toBe('Data365 rejected the request: max_posts: must be at most 1000');
	});

	it('a 500 while polling the task is retried, then the flow goes on', async () => {
		nock(V11_HOST)
			.post('/v1.1/instagram/tag/juice/update')
			.query(true)
			.reply(202, { status: 'accepted', data: { task_id: 't' }, error: null })
			.get('/v1.1/instagram/tag/juice/update')
			.query(true)
			.reply(500, v11Error('InternalServerError', 'boom'))
			.get('/v1.1/instagram/tag/juice/update')
			.query(true)
			.reply(200, { status: 'ok', data: { status: 'finished' } })
			.get('/v1.1/instagram/tag/juice')
			.query(true)
			.reply(200, { status: 'ok', data: { id: 'juice' } });
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice' },
			credentials: v11Credentials(),
		});
		expect(result.json()).toEqual([{ id: 'juice' }]);
		expect(time.waits).toEqual([500]);
	});
});

describe('Data365: Continue On Fail and the token', () => {
	it('a failing item becomes an error item paired with it, and the next item goes on', async () => {
		nock(GRAPH_HOST)
			.get('/instagram/user/missing_one')
			.query(true)
			.reply(404, graphError('NodeNotExistsError', 'Some nodes you requested cannot be loaded: missing_one'))
			.get('/instagram/user/spacex')
			.query(true)
			.reply(200, { error: {}, data: { id: '1', username: 'spacex' }, status: 'ok' });

		const result = await runNode(
			registry,
			{
				type: 'data365',
				parameters: { resource: 'user', operation: 'get', username: '={{ $json.name }}', options: { fields: ['id', 'username'] } },
				credentials: graphCredentials(),
				continueOnFail: true,
			},
			[{ name: 'missing_one' }, { name: 'spacex' }],
		);

		expect(result.status).toBe('success');
		expect(result.items()).toEqual([
			{
				json: {
					error: 'Data365 could not find the Instagram user "missing_one": Some nodes you requested cannot be loaded: missing_one',
					description:
						'Check the spelling. A user may be private, renamed or deleted, and a post removed. With API v1.1 and "Read Cached Data Only" on, Data365 may not have collected it yet. Data365 error code: NodeNotExistsError.',
				},
				pairedItem: { item: 0 },
			},
			{ json: { id: '1', username: 'spacex' }, pairedItem: { item: 1 } },
		]);
	});

	it('a token the API echoes back in an error is redacted everywhere (Graph)', async () => {
		nock(GRAPH_HOST)
			.get('/instagram/tag/juice')
			.query(true)
			.reply(403, graphError('AuthenticationError', `Invalid access token ${TOKEN} for https://api.singularex.com/instagram/tag/juice?access_token=${TOKEN}`));
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'tag', operation: 'get', tagName: 'juice' },
			credentials: graphCredentials(),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('[redacted]');
		expectNoToken(result);
	});

	it('a token echoed in a v1.1 task failure and in Continue On Fail items is redacted', async () => {
		nock(V11_HOST)
			.post('/v1.1/instagram/profile/spacex/update')
			.query(true)
			.reply(202, { status: 'accepted', data: { task_id: 'tk' }, error: null })
			.get('/v1.1/instagram/profile/spacex/update')
			.query(true)
			.reply(200, { status: 'ok', data: { status: 'fail', message: `token ${TOKEN} has no quota` } });
		const result = await runNode(registry, {
			type: 'data365',
			parameters: { resource: 'user', operation: 'get', username: 'spacex' },
			credentials: v11Credentials(),
			continueOnFail: true,
		});
		expect(result.json()).toEqual([
			{
				error: 'Data365 update task tk for the user "spacex" failed: token [redacted] has no quota',
				description:
					'Data365 could not collect the data. Check that the account, hashtag or post exists and is public, then run again; if it keeps failing, give Data365 the task ID. Data365 error code: fail.',
			},
		]);
		expectNoToken(result);
	});
});

describe('Data365: bad input is refused before any request', () => {
	const cases: Array<[string, IDataObject, string]> = [
		['an empty username', { resource: 'user', operation: 'get', username: ' ' }, 'Invalid "Username": a value is required'],
		[
			'a username with spaces',
			{ resource: 'user', operation: 'get', username: 'space x' },
			'Invalid "Username": "space x" is not an Instagram username',
		],
		['a hashtag with spaces', { resource: 'tag', operation: 'get', tagName: '#two words' }, 'Invalid "Tag Name": "#two words" is not a hashtag'],
		['an empty media ID from an expression', { resource: 'media', operation: 'get', mediaId: '={{ "  " }}' }, 'Invalid "Media ID or Shortcode": a value is required'],
		[
			'a limit below 1',
			{ resource: 'tag', operation: 'getMedia', tagName: 'juice', limit: 0 },
			'Invalid "Limit": 0 is not a whole number 1 or more',
		],
		[
			'an unparseable date',
			{ resource: 'user', operation: 'getMedia', username: 'spacex', fromDate: 'last tuesday' },
			'Invalid "From Date": "last tuesday" is not a date',
		],
		[
			'From after To',
			{ resource: 'user', operation: 'getMedia', username: 'spacex', fromDate: '2024-06-02', toDate: '2024-06-01' },
			'Invalid "From Date": 2024-06-02T04:00:00.000Z is after "To Date" (2024-06-01T04:00:00.000Z)',
		],
		[
			'a page size over 100',
			{ resource: 'comment', operation: 'getAll', mediaId: '1', options: { pageSize: 500 } },
			'Invalid "Page Size": 500 is not a whole number from 1 to 100',
		],
		[
			'a zero poll interval',
			{ resource: 'tag', operation: 'get', tagName: 'juice', options: { pollIntervalSeconds: 0 } },
			'Invalid "Poll Interval (Seconds)": 0 is not a number above 0',
		],
	];

	it.each(cases)('%s', async (_name, parameters, message) => {
		const result = await runNode(registry, { type: 'data365', parameters, credentials: graphCredentials() });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message);
		expect(result.error?.name).toBe('NodeOperationError');
	});
});
