/** Shared setup of the Instagram Insights engine tests. */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { InstagramGraphApi } from '../../../credentials/InstagramGraphApi.credentials';
import { InstagramInsights } from '../../../nodes/Instagram/InstagramInsights.node';
import { requestDeps } from '../../../nodes/shared/request';
import { registryOf, runNode, type RunResult } from '../../harness/engine';

export const TOKEN = 'EAAB-test-token-0123456789';
export const IG_TOKEN = 'IGAA-test-token-0123456789';
export const APP_SECRET = 'app-secret-abcdef0123';
export const FB_HOST = 'https://graph.facebook.com';
export const IG_HOST = 'https://graph.instagram.com';
export const ACCOUNT_ID = '17841400000000001';

export const registry = registryOf({ instagramInsights: new InstagramInsights() }, [new InstagramGraphApi()]);

export function fbCredentials(extra: IDataObject = {}) {
	return { instagramGraphApi: { loginType: 'facebookLogin', accessToken: TOKEN, apiVersion: 'v24.0', ...extra } };
}

export function igCredentials(extra: IDataObject = {}) {
	return { instagramGraphApi: { loginType: 'instagramLogin', accessToken: IG_TOKEN, apiVersion: 'v24.0', ...extra } };
}

/** The account resource locator as a workflow stores it. */
export function accountById(value = ACCOUNT_ID) {
	return { __rl: true, mode: 'id', value };
}

export interface RunOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	input?: IDataObject[];
	continueOnFail?: boolean;
}

export async function run(parameters: IDataObject, options: RunOptions = {}): Promise<RunResult> {
	return await runNode(
		registry,
		{
			type: 'instagramInsights',
			parameters,
			credentials: options.credentials ?? fbCredentials(),
			continueOnFail: options.continueOnFail,
		},
		options.input ?? [{}],
	);
}

/** nock scope of the Graph host that only answers requests carrying the bearer token. */
export function graph(host = FB_HOST, token = TOKEN) {
	return nock(host, { reqheaders: { authorization: `Bearer ${token}` } });
}

/** Replaces the shared request sleep: every wait is recorded, none is slept. */
export function recordWaits(): { waits: number[] } {
	const state = { waits: [] as number[] };
	const realSleep = requestDeps.sleep;
	beforeEach(() => {
		state.waits.length = 0;
		requestDeps.sleep = async (ms) => {
			state.waits.push(ms);
		};
	});
	afterEach(() => {
		requestDeps.sleep = realSleep;
	});
	return state;
}

export function useNock(): void {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());
}

export function expectNoPendingMocks(): void {
	expect(nock.pendingMocks()).toEqual([]);
}

/** A Meta error body. */
export function metaError(code: number, message: string, extra: IDataObject = {}) {
	return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123', ...extra } };
}
