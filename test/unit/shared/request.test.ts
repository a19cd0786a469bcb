import type { INode } from 'n8n-workflow';

import { defaultClassify, requestDeps, sendRequest, type Provider, type RequestContext } from '../../../nodes/shared/request';

const node: INode = { id: '1', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

type Answer = { statusCode: number; headers?: Record<string, string>; body?: unknown } | Error;

/** A context whose HTTP helper answers from a script and records what it was sent. */
function fakeContext(answers: Answer[]) {
	const sent: unknown[] = [];
	const ctx = {
		getNode: () => node,
		getCredentials: async () => ({ apiKey: 'super-secret-key-1' }),
		logger: { debug: () => {} },
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: unknown) => {
				sent.push(options);
				const answer = answers.shift();
				if (!answer) throw new Error('no scripted answer left');
				if (answer instanceof Error) throw answer;
				return { headers: {}, ...answer };
			},
		},
	};
	return { ctx: ctx as unknown as RequestContext, sent };
}

const provider: Provider = {
	name: 'Fake',
	credentialType: 'fakeApi',
	secretFields: ['apiKey'],
	describeError: (response) => ({ message: String((response.body as { msg?: string })?.msg ?? response.statusCode) }),
	retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1000 },
};

let clock: number;
let waits: number[];
const saved = { ...requestDeps };

beforeEach(() => {
	clock = 1_000_000;
	waits = [];
	requestDeps.now = () => clock;
	requestDeps.random = () => 0.5;
	requestDeps.sleep = async (ms) => {
		waits.push(ms);
		clock += ms;
	};
});
afterEach(() => Object.assign(requestDeps, saved));

describe('sendRequest', () => {
	it('asks n8n for the full response, ignoring status errors, with JSON by default', async () => {
		const { ctx, sent } = fakeContext([{ statusCode: 200, body: { ok: true } }]);
		const response = await sendRequest(ctx, provider, { method: 'GET', url: 'https://x/y' });
		expect(response).toEqual({ statusCode: 200, headers: {}, body: { ok: true } });
		expect(sent).toEqual([
			{ json: true, method: 'GET', url: 'https://x/y', returnFullResponse: true, ignoreHttpStatusErrors: true },
		]);
	});

	it('parses a JSON string body and treats an empty one as no body', async () => {
		const { ctx } = fakeContext([
			{ statusCode: 200, body: '{"a":1}' },
			{ statusCode: 204, body: '' },
		]);
		expect((await sendRequest(ctx, provider, { url: 'https://x' })).body).toEqual({ a: 1 });
		expect((await sendRequest(ctx, provider, { url: 'https://x' })).body).toBeUndefined();
	});

	it('retries connection resets and timeouts found anywhere in the cause chain', async () => {
		const reset = Object.assign(new Error('wrapped'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
		const hangUp = new Error('socket hang up');
		const { ctx, sent } = fakeContext([reset, hangUp, { statusCode: 200, body: {} }]);
		await sendRequest(ctx, provider, { url: 'https://x' });
		expect(sent).toHaveLength(3);
		expect(waits).toEqual([50, 100]);
	});

	it('does not retry an unknown host, and explains where to look', async () => {
		const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND nope.example'), { code: 'ENOTFOUND' });
		const { ctx, sent } = fakeContext([notFound]);
		await expect(sendRequest(ctx, provider, { url: 'https://nope.example' })).rejects.toMatchObject({
			message: 'Could not reach Fake: getaddrinfo ENOTFOUND nope.example',
			description: 'Check the Base URL in the credential, and any proxy between n8n and the provider. Fake error code: ENOTFOUND.',
		});
		expect(sent).toHaveLength(1);
	});

	it('redacts the credential secret from a network error message', async () => {
		const { ctx } = fakeContext([new Error('refused for key super-secret-key-1')]);
		await expect(sendRequest(ctx, provider, { url: 'https://x' })).rejects.toMatchObject({
			message: 'Could not reach Fake: refused for key [redacted]',
		});
	});

	it('uses a provider classifier: its transient codes are retried with its computed wait', async () => {
		const throttling: Provider = {
			...provider,
			classify: (response) => {
				const body = response.body as { error?: { code: number } };
				if (body?.error?.code === 4) return { outcome: 'retry', reason: 'throttled (#4)', waitMs: 2500 };
				return defaultClassify(response);
			},
		};
		const { ctx, sent } = fakeContext([
			{ statusCode: 400, body: { error: { code: 4 } } },
			{ statusCode: 200, body: { ok: 1 } },
		]);
		await sendRequest(ctx, throttling, { url: 'https://x' });
		expect(sent).toHaveLength(2);
		expect(waits).toEqual([2500]);
	});

	it('paces later requests of the same run when a provider asks to slow down', async () => {
		const pacing: Provider = { ...provider, classify: () => ({ outcome: 'success', slowDownMs: 3000 }) };
		const { ctx } = fakeContext([
			{ statusCode: 200, body: {} },
			{ statusCode: 200, body: {} },
		]);
		await sendRequest(ctx, pacing, { url: 'https://x' });
		expect(waits).toEqual([]);
		clock += 1000;
		await sendRequest(ctx, pacing, { url: 'https://x' });
		expect(waits).toEqual([2000]);
	});

	it('reads Retry-After as an HTTP date too', async () => {
		const { ctx } = fakeContext([
			{ statusCode: 429, headers: { 'retry-after': new Date(1_000_000 + 4000).toUTCString() }, body: {} },
			{ statusCode: 200, body: {} },
		]);
		await sendRequest(ctx, provider, { url: 'https://x' });
		expect(waits).toEqual([4000]);
	});
});

describe('sendRequest settings', () => {
	it('redacts per-call secrets that are not credential fields', async () => {
		const { ctx } = fakeContext([{ statusCode: 400, body: { msg: 'profile pk-9876543 is unknown' } }]);
		await expect(
			sendRequest(ctx, provider, { url: 'https://x' }, { secrets: ['pk-9876543'] }),
		).rejects.toMatchObject({ message: 'profile [redacted] is unknown' });
	});

	it('caps a pacing pause at the user\'s max wait', async () => {
		const pacing: Provider = { ...provider, classify: () => ({ outcome: 'success', slowDownMs: 600_000 }) };
		const { ctx } = fakeContext([
			{ statusCode: 200, body: {} },
			{ statusCode: 200, body: {} },
		]);
		await sendRequest(ctx, pacing, { url: 'https://x' }, { maxWaitMs: 5000 });
		await sendRequest(ctx, pacing, { url: 'https://x' }, { maxWaitMs: 5000 });
		expect(waits).toEqual([5000]);
	});
});
