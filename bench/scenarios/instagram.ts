/**
 * Instagram Insights: Media > Get Many with auto insights for an account of
 * 1,000 media of mixed types, at 50 ms per HTTP round trip. Facebook Login
 * batches the insights (50 per request), Instagram Login fans out parallel
 * GETs; the naive run asks each media's insights one by one, in sequence.
 */
import { InstagramGraphApi } from '../../credentials/InstagramGraphApi.credentials';
import { InstagramInsights } from '../../nodes/Instagram/InstagramInsights.node';
import { instagramModule, SANDBOX_IDS } from '../../sandbox/providers/instagram';
import type { Sandbox } from '../../sandbox/server';
import { registryOf, runNode } from '../../test/harness/engine';
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
];
