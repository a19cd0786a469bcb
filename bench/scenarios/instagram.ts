/**
 * Instagram Insights: Media > Get Many with auto insights for an account of
 * 1,000 media of mixed types, at 50 ms per HTTP round trip. Facebook Login
 * batches the insights (50 per request), Instagram Login fans out parallel
 * GETs; the naive run asks each media's insights one by one, in sequence.
 *
 * Instagram Insights Trigger: one Story Insights poll that finds 100 stories
 * due at once (2 insights calls each: the metrics, and navigation split by
 * action), batched with Facebook Login, in parallel with Instagram Login.
 */
import { InstagramGraphApi } from '../../credentials/InstagramGraphApi.credentials';
import { InstagramInsights } from '../../nodes/Instagram/InstagramInsights.node';
import { InstagramInsightsTrigger } from '../../nodes/Instagram/InstagramInsightsTrigger.node';
import { requestDeps } from '../../nodes/shared/request';
import { createInstagramModule, instagramModule, SANDBOX_IDS } from '../../sandbox/providers/instagram';
import type { Sandbox } from '../../sandbox/server';
import { registryOf, runNode, runPoll } from '../../test/harness/engine';
import type { Scenario } from '../runner';


const registry = registryOf({ instagramInsights: new InstagramInsights() }, [new InstagramGraphApi()]);

async function getAllWithInsights(sandbox: Sandbox, loginType: 'facebookLogin' | 'instagramLogin', concurrency: number) {
	const result = await runNode(registry, {
		type: 'instagramInsights',
		parameters: {
			resource: 'media',
			operation: 'getAll',
			accountId: { __rl: true, mode: 'id', value: loginType === 'facebookLogin' ? SANDBOX_IDS.mainAccount : '' },
			returnAll: true,
			includeInsights: true,
			metrics: ['auto'],
			options: { concurrency },
		},
		credentials: {
			instagramGraphApi: {
				loginType,
				accessToken: loginType === 'facebookLogin' ? 'EAAB-bench-token-1' : 'IGAA-bench-token-1',
				apiVersion: 'v24.0',
				baseUrl: sandbox.baseUrl('/instagram'),
			},
		},
	});
	if (result.status !== 'success') throw result.error ?? new Error('run failed');
	const rows = result.json();
	const withInsights = rows.filter((row) => typeof row.reach === 'number').length;
	return { items: rows.length, notes: `${withInsights} rows with insights` };
}

const base = { modules: [instagramModule], size: 1000, latencyMs: 50 };

export const instagramScenarios: Scenario[] = [
	{
		...base,
		name: 'instagram: 1,000 media + auto insights, Facebook Login (batched)',
		description: 'media.getAll, includeInsights, auto metrics: 10 pages of 100, then batches of 50 (target at most 35 requests)',
		run: async (sandbox) => {
			const result = await getAllWithInsights(sandbox, 'facebookLogin', 8);
			return { ...result, notes: `${result.notes}; target <= 35 requests` };
		},
	},
	{
		...base,
		name: 'instagram: 1,000 media + auto insights, Instagram Login (parallel GETs, 8 at once)',
		description: 'media.getAll, includeInsights, auto metrics: one GET per media under the limiter',
		run: async (sandbox) => await getAllWithInsights(sandbox, 'instagramLogin', 8),
	},
	{
		...base,
		name: 'instagram: 1,000 media + auto insights, naive (one by one, in sequence)',
		description: 'the same listing, then each media asked for its insights one after the other',
		run: async (sandbox) => await getAllWithInsights(sandbox, 'instagramLogin', 1),
	},
	...(['facebookLogin', 'instagramLogin'] as const).map((loginType): Scenario => {
		const module = createInstagramModule();
		return {
			modules: [module],
			size: 10,
			latencyMs: 50,
			name: `instagram trigger: story insights of 100 stories due at once, ${loginType === 'facebookLogin' ? 'Facebook Login (batched)' : 'Instagram Login (parallel GETs, 8 at once)'}`,
			description: 'storyInsights poll: 1 stories list, then 200 insights calls (metrics + navigation breakdown)',
			run: async (sandbox) => await storyInsightsPoll(sandbox, module.control, loginType),
		};
	}),
];

const triggerRegistry = registryOf({ instagramInsightsTrigger: new InstagramInsightsTrigger() }, [new InstagramGraphApi()]);

async function storyInsightsPoll(
	sandbox: Sandbox,
	control: ReturnType<typeof createInstagramModule>['control'],
	loginType: 'facebookLogin' | 'instagramLogin',
) {
	const realNow = requestDeps.now;
	requestDeps.now = () => control.now();
	try {
		// The fixture's four stories have expired by then; 100 stories posted over 50 minutes reach 20 hours together.
		const start = control.now() + 24 * 3_600_000;
		control.setNow(start - 60_000);
		const staticData = {};
		const poll = async () =>
			await runPoll(triggerRegistry, {
				type: 'instagramInsightsTrigger',
				parameters: {
					event: 'storyInsights',
					accountId: { __rl: true, mode: 'id', value: loginType === 'facebookLogin' ? SANDBOX_IDS.mainAccount : '' },
					options: { concurrency: 8 },
				},
				credentials: {
					instagramGraphApi: {
						loginType,
						accessToken: loginType === 'facebookLogin' ? 'EAAB-bench-token-2' : 'IGAA-bench-token-2',
						apiVersion: 'v24.0',
						baseUrl: sandbox.baseUrl('/instagram'),
					},
				},
				staticData,
			});
		await poll();
		for (let index = 0; index < 100; index++) control.postStory({ timestamp: start + index * 30_000, fewViewers: index % 25 === 24 });
		control.setNow(start + 20 * 3_600_000 + 100 * 30_000);
		const result = await poll();
		const withInsights = result.json.filter((row) => typeof row.reach === 'number').length;
		return { items: result.json.length, notes: `${withInsights} stories with insights` };
	} finally {
		requestDeps.now = realNow;
	}
}

