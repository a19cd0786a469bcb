import { runNode } from '../../test/harness/engine';
import { testRegistry } from '../../test/fixtures/TestApi';
import { thingsModule } from '../../test/fixtures/thingsModule';
import type { Scenario } from '../runner';

/** The shared transport and pagination loop alone, with a test-only node. */
export const foundationScenarios: Scenario[] = [
	{
		name: 'foundation: 5,000 records, 100 per page, 20 ms latency',
		description: 'Get Many with Return All through the shared request + pagination loop',
		modules: [thingsModule],
		size: 5000,
		latencyMs: 20,
		run: async (sandbox) => {
			const result = await runNode(testRegistry, {
				type: 'testThings',
				parameters: { operation: 'getAll', returnAll: true, simplify: true },
				credentials: { testApi: { apiKey: 'bench-key', baseUrl: sandbox.baseUrl('/things-api') } },
			});
			if (result.status !== 'success') throw result.error ?? new Error('run failed');
			return { items: result.items().length, notes: 'expect 50 requests' };
		},
	},
];
