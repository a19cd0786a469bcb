import { createData365Module } from '../../sandbox/providers/data365';
import type { Sandbox } from '../../sandbox/server';
import { runNode } from '../../test/harness/engine';
import { graphCredentials, registry, v11Credentials } from '../../test/fixtures/data365/registry';
import type { Scenario } from '../runner';

// A short poll interval keeps the figures about the node, not about waiting:
// with the default 5 s each loading answer would add 5 s of wall time.
const POLL_INTERVAL_SECONDS = 0.2;

async function tagMedia(sandbox: Sandbox, credentials: ReturnType<typeof graphCredentials>): Promise<number> {
	const result = await runNode(registry, {
		type: 'data365',
		parameters: {
			resource: 'tag',
			operation: 'getMedia',
			tagName: 'benchmark',
			returnAll: true,
			options: { pageSize: 50, pollIntervalSeconds: POLL_INTERVAL_SECONDS },
		},
		credentials,
	});
	if (result.status !== 'success') throw result.error ?? new Error('run failed');
	return result.items().length;
}

/** Tag → Get Media, Return All over 6 pages, through the "still loading" flow of each API. */
export const data365Scenarios: Scenario[] = [
	{
		name: 'data365: graph tag getMedia, Return All, 300 posts / 50 per page, one 202 first, 20 ms latency',
		description: 'Graph API: 202 RequestAccepted once, then Relay pages media.first(50).after("…")',
		modules: [createData365Module({ loadingPolls: 1 })],
		size: 300,
		latencyMs: 20,
		run: async (sandbox) => ({
			items: await tagMedia(sandbox, graphCredentials(sandbox.baseUrl('/data365'))),
			notes: `expect 7 requests (1 × 202 + 6 pages); poll interval ${POLL_INTERVAL_SECONDS} s`,
		}),
	},
	{
		name: 'data365: v1.1 tag getMedia, Return All, 300 posts / 50 per page, task pending twice, 20 ms latency',
		description: 'v1.1: POST update, status created/pending/finished, then cursor pages',
		modules: [createData365Module({ loadingPolls: 2 })],
		size: 300,
		latencyMs: 20,
		run: async (sandbox) => ({
			items: await tagMedia(sandbox, v11Credentials(sandbox.baseUrl('/data365/v1.1'))),
			notes: `expect 10 requests (POST + 3 status polls + 6 pages); poll interval ${POLL_INTERVAL_SECONDS} s`,
		}),
	},
];
