/**
 * Every operation of every node, run by a real n8n (CLI `execute`) with the
 * package installed as a community package, against the sandbox.
 */
import { providerModules } from '../../sandbox/providers';
import { SANDBOX_IDS } from '../../sandbox/providers/instagram';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
	createInstance,
	ensureN8n,
	execute,
	importCredentials,
	importWorkflows,
	type Execution,
	type N8nInstance,
} from './n8n';
import { manualWorkflow, type StepNode } from './workflows';

let sandbox: Sandbox;
let instance: N8nInstance;

const CREDENTIALS = {
	ayrshareApi: { id: 'e2eAyrshare', name: 'Ayrshare (sandbox)' },
	instagramGraphApi: { id: 'e2eInstagramFb', name: 'Instagram Facebook Login (sandbox)' },
	instagramLogin: { id: 'e2eInstagramIg', name: 'Instagram Login (sandbox)' },
	data365Graph: { id: 'e2eData365Graph', name: 'Data365 Graph API (sandbox)' },
	haiiloShareApi: { id: 'e2eHaiilo', name: 'Haiilo Share (sandbox)' },
	data365V11: { id: 'e2eData365V11', name: 'Data365 v1.1 (sandbox)' },
};

beforeAll(async () => {
	const runtime = ensureN8n();
	sandbox = await startSandbox({ modules: providerModules({ now: Date.now() }) });
	instance = createInstance(runtime);
	await importCredentials(instance, [
		{
			...CREDENTIALS.ayrshareApi,
			type: 'ayrshareApi',
			data: { apiKey: 'e2e-ayrshare-key-0001', baseUrl: `${sandbox.baseUrl('/ayrshare')}/api` },
		},
		{
			...CREDENTIALS.instagramGraphApi,
			type: 'instagramGraphApi',
			data: { loginType: 'facebookLogin', accessToken: 'EAAe2eFacebookToken01', apiVersion: 'v24.0', baseUrl: sandbox.baseUrl('/instagram') },
		},
		{
			...CREDENTIALS.instagramLogin,
			type: 'instagramGraphApi',
			data: { loginType: 'instagramLogin', accessToken: 'IGAAe2eInstagramToken01', apiVersion: 'v24.0', baseUrl: sandbox.baseUrl('/instagram') },
		},
		{
			...CREDENTIALS.haiiloShareApi,
			type: 'haiiloShareApi',
			data: { subdomain: 'e2e', accessToken: 'haiilo-e2e-token-0001', baseUrl: sandbox.baseUrl('/haiilo') },
		},
		{
			...CREDENTIALS.data365Graph,
			type: 'data365Api',
			data: { apiVersion: 'graph', accessToken: 'd365-e2e-graph-token-01', baseUrl: sandbox.baseUrl('/data365') },
		},
		{
			...CREDENTIALS.data365V11,
			type: 'data365Api',
			data: { apiVersion: 'v1.1', accessToken: 'd365-e2e-v11-token-01', baseUrl: `${sandbox.baseUrl('/data365')}/v1.1` },
		},
	]);
}, 20 * 60_000);

afterAll(async () => {
	await sandbox?.close();
});

async function run(id: string, steps: StepNode[]): Promise<Execution> {
	await importWorkflows(instance, [manualWorkflow(id, id, steps)]);
	const execution = await execute(instance, id);
	if (execution.status !== 'success') {
		throw new Error(`Workflow ${id} ended ${execution.status}: ${JSON.stringify(execution.error)}`);
	}
	return execution;
}

function rows(execution: Execution, node: string) {
	const { items, error } = execution.node(node);
	if (error) throw new Error(`${node} failed: ${error.message}`);
	return items.map((item) => item.json);
}

describe('Ayrshare in a real n8n', () => {
	it('runs every operation', async () => {
		const ayr = { ayrshareApi: CREDENTIALS.ayrshareApi };
		const execution = await run('e2eAyrshare', [
			{ name: 'History', type: 'ayrshare', credentials: ayr, parameters: { resource: 'history', operation: 'getAll', returnAll: false, limit: 3 } },
			{ name: 'By Platform', type: 'ayrshare', credentials: ayr, parameters: { resource: 'history', operation: 'getByPlatform', platform: 'instagram', returnAll: false, limit: 2 } },
			{ name: 'Post', type: 'ayrshare', credentials: ayr, after: 'History', parameters: { resource: 'analytics', operation: 'getPost', postId: '={{ $json.id }}' } },
			{ name: 'Social ID', type: 'ayrshare', credentials: ayr, after: 'By Platform', parameters: { resource: 'analytics', operation: 'getBySocialId', socialPostIds: '={{ $json.id }}', platform: 'instagram' } },
			{ name: 'Social', type: 'ayrshare', credentials: ayr, parameters: { resource: 'analytics', operation: 'getSocial', platforms: ['instagram', 'facebook'] } },
			{ name: 'Links', type: 'ayrshare', credentials: ayr, parameters: { resource: 'analytics', operation: 'getLinks', lastDays: 7, returnAll: true } },
			{ name: 'Playlists', type: 'ayrshare', credentials: ayr, parameters: { resource: 'analytics', operation: 'getYouTubePlaylists', returnAll: true } },
		]);
		expect(rows(execution, 'History')).toHaveLength(3);
		expect(rows(execution, 'By Platform')).toHaveLength(2);
		const post = rows(execution, 'Post');
		expect(post.length).toBeGreaterThanOrEqual(3);
		for (const row of post) expect(row).toHaveProperty('platform');
		expect(rows(execution, 'Social ID').length).toBeGreaterThanOrEqual(2);
		expect(rows(execution, 'Social').map((row) => row.platform).sort()).toEqual(['facebook', 'instagram']);
		expect(rows(execution, 'Links').length).toBeGreaterThan(0);
		expect(rows(execution, 'Playlists').length).toBeGreaterThan(0);
		expect(execution.stdout).not.toContain('e2e-ayrshare-key-0001');
	});
});

describe('Instagram Insights in a real n8n', () => {
	it('runs every operation with Facebook Login (batched insights)', async () => {
		const fb = { instagramGraphApi: CREDENTIALS.instagramGraphApi };
		const account = { __rl: true, mode: 'id', value: SANDBOX_IDS.mainAccount };
		const execution = await run('e2eInstagramFb', [
			{ name: 'Account', type: 'instagramInsights', credentials: fb, parameters: { resource: 'account', operation: 'get', accountId: account } },
			{
				name: 'Account Insights',
				type: 'instagramInsights',
				credentials: fb,
				parameters: { resource: 'account', operation: 'getInsights', accountId: account, metrics: ['reach'], period: 'day', metricType: 'time_series', since: '={{ $now.minus({ days: 40 }).toISO() }}', until: '={{ $now.minus({ days: 1 }).toISO() }}' },
			},
			{ name: 'Demographics', type: 'instagramInsights', credentials: fb, parameters: { resource: 'account', operation: 'getDemographics', accountId: account, metric: 'follower_demographics', breakdown: ['country'], timeframe: 'this_month' } },
			{ name: 'Media', type: 'instagramInsights', credentials: fb, parameters: { resource: 'media', operation: 'getAll', accountId: account, returnAll: false, limit: 5, includeInsights: true, metrics: ['auto'] } },
			{ name: 'One Media', type: 'instagramInsights', credentials: fb, after: 'Media', parameters: { resource: 'media', operation: 'get', mediaId: '={{ $json.id }}' } },
			{ name: 'Media Insights', type: 'instagramInsights', credentials: fb, after: 'Media', parameters: { resource: 'media', operation: 'getInsights', mediaId: '', metrics: ['auto'] } },
			{ name: 'Comments', type: 'instagramInsights', credentials: fb, after: 'Media', parameters: { resource: 'media', operation: 'getComments', mediaId: '={{ $json.id }}', returnAll: false, limit: 2 } },
			{ name: 'Children', type: 'instagramInsights', credentials: fb, after: 'Media', parameters: { resource: 'media', operation: 'getChildren', mediaId: '={{ $json.id }}', returnAll: true } },
		]);
		expect(rows(execution, 'Account')[0]).toMatchObject({ id: SANDBOX_IDS.mainAccount });
		const daily = rows(execution, 'Account Insights');
		expect(daily.length).toBeGreaterThanOrEqual(30);
		expect(Object.keys(daily[0])).toEqual(['date', 'reach']);
		expect(rows(execution, 'Demographics').length).toBeGreaterThan(0);
		const media = rows(execution, 'Media');
		expect(media).toHaveLength(5);
		for (const row of media) expect(row).toHaveProperty('reach');
		expect(rows(execution, 'One Media')).toHaveLength(5);
		expect(rows(execution, 'Media Insights')).toHaveLength(5);
		expect(rows(execution, 'Comments').length).toBeGreaterThanOrEqual(0);
		expect(execution.node('Children').error).toBeUndefined();
		expect(sandbox.counts()['POST /instagram']).toBeGreaterThanOrEqual(1);
		expect(execution.stdout).not.toContain('EAAe2eFacebookToken01');
	});

	it('runs stories, hashtags and business discovery with Facebook Login', async () => {
		const fb = { instagramGraphApi: CREDENTIALS.instagramGraphApi };
		const account = { __rl: true, mode: 'id', value: SANDBOX_IDS.mainAccount };
		const coffee = { __rl: true, mode: 'name', value: '#coffee' };
		const execution = await run('e2eInstagramPart2', [
			{ name: 'Stories', type: 'instagramInsights', credentials: fb, parameters: { resource: 'story', operation: 'getAll', accountId: account, returnAll: true, includeInsights: true } },
			{ name: 'Hashtag', type: 'instagramInsights', credentials: fb, parameters: { resource: 'hashtag', operation: 'search', accountId: account, hashtagName: coffee } },
			{ name: 'Top Media', type: 'instagramInsights', credentials: fb, parameters: { resource: 'hashtag', operation: 'getTopMedia', accountId: account, hashtagName: coffee, returnAll: false, limit: 3 } },
			{ name: 'Recent Media', type: 'instagramInsights', credentials: fb, parameters: { resource: 'hashtag', operation: 'getRecentMedia', accountId: account, hashtagName: coffee, returnAll: false, limit: 2 } },
			{ name: 'Discovery', type: 'instagramInsights', credentials: fb, parameters: { resource: 'businessDiscovery', operation: 'get', accountId: account, username: 'bluebottle', includeMedia: true } },
		]);
		const stories = rows(execution, 'Stories');
		expect(stories.length).toBeGreaterThan(0);
		for (const story of stories) expect(story).toHaveProperty('reach');
		expect(rows(execution, 'Hashtag')[0]).toHaveProperty('id');
		expect(rows(execution, 'Top Media')).toHaveLength(3);
		expect(rows(execution, 'Recent Media')).toHaveLength(2);
		const discovery = rows(execution, 'Discovery');
		expect(discovery[0]).toMatchObject({ row_type: 'profile' });
		expect(discovery.length).toBeGreaterThan(1);
	});

	it('runs media with insights on Instagram Login (parallel GETs, the token\'s own account)', async () => {
		const ig = { instagramGraphApi: CREDENTIALS.instagramLogin };
		const execution = await run('e2eInstagramIg', [
			{ name: 'Media', type: 'instagramInsights', credentials: ig, parameters: { resource: 'media', operation: 'getAll', accountId: { __rl: true, mode: 'list', value: '' }, returnAll: false, limit: 3, includeInsights: true } },
		]);
		const media = rows(execution, 'Media');
		expect(media).toHaveLength(3);
		for (const row of media) expect(row).toHaveProperty('reach');
		expect(execution.stdout).not.toContain('IGAAe2eInstagramToken01');
	});
});

describe('Data365 in a real n8n', () => {
	// Short polling so the sandbox's first "still loading" answer costs 1 s, not 5.
	const polling = { pollIntervalSeconds: 1, maxLoadingWaitSeconds: 60 };

	it.each([
		['graph', CREDENTIALS.data365Graph, 'd365-e2e-graph-token-01'],
		['v1.1', CREDENTIALS.data365V11, 'd365-e2e-v11-token-01'],
	] as const)('runs every operation on the %s API', async (version, credential, token) => {
		const d365 = { data365Api: credential };
		const id = `e2eData365${version === 'graph' ? 'Graph' : 'V11'}`;
		const execution = await run(id, [
			{ name: 'User', type: 'data365', credentials: d365, parameters: { resource: 'user', operation: 'get', username: 'spacex', options: polling } },
			{ name: 'User Media', type: 'data365', credentials: d365, parameters: { resource: 'user', operation: 'getMedia', username: 'spacex', returnAll: false, limit: 4, options: polling } },
			{ name: 'Tag', type: 'data365', credentials: d365, parameters: { resource: 'tag', operation: 'get', tagName: '#juice', options: polling } },
			{ name: 'Tag Media', type: 'data365', credentials: d365, parameters: { resource: 'tag', operation: 'getMedia', tagName: 'juice', returnAll: false, limit: 3, options: polling } },
			{ name: 'Media', type: 'data365', credentials: d365, after: 'Tag Media', parameters: { resource: 'media', operation: 'get', mediaId: '={{ $json.id }}', options: polling } },
			{ name: 'Comments', type: 'data365', credentials: d365, after: 'Tag Media', parameters: { resource: 'comment', operation: 'getAll', mediaId: '={{ $json.id }}', returnAll: false, limit: 2, options: polling } },
		]);
		expect(rows(execution, 'User')).toHaveLength(1);
		expect(rows(execution, 'User')[0]).toHaveProperty('last_update');
		expect(rows(execution, 'User Media')).toHaveLength(4);
		expect(rows(execution, 'Tag')).toHaveLength(1);
		const posts = rows(execution, 'Tag Media');
		expect(posts).toHaveLength(3);
		for (const post of posts) expect(post).toHaveProperty('is_being_updated');
		expect(rows(execution, 'Media')).toHaveLength(3);
		expect(rows(execution, 'Comments').length).toBeLessThanOrEqual(6);
		expect(execution.stdout).not.toContain(token);
	});
});

describe('Haiilo Share in a real n8n', () => {
	it('runs every operation', async () => {
		const haiilo = { haiiloShareApi: CREDENTIALS.haiiloShareApi };
		const range = { from: '={{ $now.minus({ days: 30 }).toISO() }}', to: '={{ $now.toISO() }}' };
		const execution = await run('e2eHaiilo', [
			{ name: 'Shares', type: 'haiiloShare', credentials: haiilo, parameters: { resource: 'share', operation: 'getAll', ...range, returnAll: false, limit: 7 } },
			{ name: 'Instagram Shares', type: 'haiiloShare', credentials: haiilo, parameters: { resource: 'share', operation: 'getAll', ...range, returnAll: true, networks: ['instagram'] } },
			{ name: 'By Network', type: 'haiiloShare', credentials: haiilo, parameters: { resource: 'share', operation: 'countByNetwork', ...range } },
		]);
		expect(rows(execution, 'Shares')).toHaveLength(7);
		const instagram = rows(execution, 'Instagram Shares');
		for (const share of instagram) expect(String(share.network)).toBe('Instagram');
		const counts = rows(execution, 'By Network');
		expect(counts.find((row) => row.network === 'Instagram')?.shares).toBe(instagram.length);
		expect(execution.stdout).not.toContain('haiilo-e2e-token-0001');
	});
});
