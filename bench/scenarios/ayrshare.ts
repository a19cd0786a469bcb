import { runNode } from '../../test/harness/engine';
import { credentials, registry } from '../../test/fixtures/ayrshare/registry';
import { ayrshareModule } from '../../sandbox/providers/ayrshare';
import type { Sandbox } from '../../sandbox/server';
import type { Scenario } from '../runner';

function ayrshareCredentials(sandbox: Sandbox) {
	return credentials({ baseUrl: `${sandbox.baseUrl('/ayrshare')}/api` });
}

/** A 429 on every call to /history for the whole run, with the given headers. */
function storm(sandbox: Sandbox, headers: { retryAfter?: string; reset?: string }) {
	sandbox.addFault({
		route: '/ayrshare/api/history',
		kind: 'status',
		status: 429,
		times: 0,
		retryAfter: headers.retryAfter,
		headers: headers.reset ? { 'x-ratelimit-max': '300', 'x-ratelimit-count': '300', 'x-ratelimit-reset': headers.reset } : undefined,
		body: { status: 'error', code: 429, message: 'Too many requests' },
	});
}

async function stormRun(sandbox: Sandbox, items: number): Promise<number> {
	const result = await runNode(
		registry,
		{ type: 'ayrshare', parameters: { resource: 'history', operation: 'getAll', limit: 1 }, credentials: ayrshareCredentials(sandbox), continueOnFail: true },
		Array.from({ length: items }, () => ({})),
	);
	if (result.status !== 'success') throw result.error ?? new Error('run failed');
	return result.items().filter((item) => item.json.error).length;
}

/** Ayrshare: the weekly-report story, and what a 429 storm costs. */
export const ayrshareScenarios: Scenario[] = [
	{
		name: 'ayrshare: history getAll then getPost for 50 posts, 20 ms latency',
		description: 'History > Get Many (limit 50), then Analytics > Get Post for each post: one row per platform',
		modules: [ayrshareModule],
		size: 200,
		latencyMs: 20,
		run: async (sandbox) => {
			const history = await runNode(registry, {
				type: 'ayrshare',
				parameters: { resource: 'history', operation: 'getAll', limit: 50 },
				credentials: ayrshareCredentials(sandbox),
			});
			if (history.status !== 'success') throw history.error ?? new Error('history failed');
			const analytics = await runNode(
				registry,
				{ type: 'ayrshare', parameters: { resource: 'analytics', operation: 'getPost', postId: '={{ $json.id }}' }, credentials: ayrshareCredentials(sandbox) },
				history.json(),
			);
			if (analytics.status !== 'success') throw analytics.error ?? new Error('analytics failed');
			const errors = analytics.json().filter((row) => row.error).length;
			return { items: analytics.items().length, notes: `expect 51 requests; ${history.items().length} posts, ${errors} platform error rows` };
		},
	},
	{
		name: 'ayrshare: 429 storm, 50 items, Retry-After 0',
		description: 'Every /history call answers 429 with Retry-After: 0; Continue On Fail',
		modules: [ayrshareModule],
		size: 10,
		latencyMs: 20,
		run: async (sandbox) => {
			storm(sandbox, { retryAfter: '0' });
			const failed = await stormRun(sandbox, 50);
			return { items: failed, notes: 'at most 2 requests per item: expect 100' };
		},
	},
	{
		name: 'ayrshare: 429 storm, 50 items, window resets in 4 minutes',
		description: 'Every /history call answers 429 with x-ratelimit-reset 240000 ms (over the 120 s cap); Continue On Fail',
		modules: [ayrshareModule],
		size: 10,
		latencyMs: 20,
		run: async (sandbox) => {
			storm(sandbox, { reset: '240000' });
			const failed = await stormRun(sandbox, 50);
			return { items: failed, notes: 'the first 429 fails at once; later items fail without a call: expect 1' };
		},
	},
];
