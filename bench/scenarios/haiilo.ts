import { haiiloShareModule } from '../../sandbox/providers/haiilo';
import type { Sandbox } from '../../sandbox/server';
import { credentialsFor, registry } from '../../test/fixtures/haiilo/registry';
import { runNode, type RunResult } from '../../test/harness/engine';
import type { Scenario } from '../runner';

/**
 * The issue's figures: 100 requests for 100,000 shares (1000 a page), and
 * Count by Network's memory flat between 10,000 and 100,000 shares. Peak RSS
 * includes V8's garbage slack (each page's 170 KB JSON text sits in the
 * large-object space until a full GC); the notes add the heap still held
 * after a full GC, which is what grows when a node keeps what it reads.
 */

const MiB = 1024 * 1024;

function heapAfterGc(): number {
	(globalThis as { gc?: () => void }).gc?.();
	return process.memoryUsage().heapUsed;
}

async function run(sandbox: Sandbox, parameters: Record<string, unknown>): Promise<{ result: RunResult; retainedMiB: string }> {
	const before = heapAfterGc();
	const result = await runNode(registry, {
		type: 'haiiloShare',
		parameters: { resource: 'share', ...parameters },
		credentials: credentialsFor(sandbox.baseUrl('/haiilo'), 'bench-token'),
	});
	if (result.status !== 'success') throw result.error ?? new Error('run failed');
	// Below zero only when memory of an earlier scenario in the same process was freed meanwhile.
	const retainedMiB = Math.max(0, (heapAfterGc() - before) / MiB).toFixed(1);
	return { result, retainedMiB };
}

function countScenario(size: number): Scenario {
	return {
		name: `haiilo: countByNetwork, ${size.toLocaleString('en-US')} shares, 20 ms latency`,
		description: 'Count by Network over every share (counted page by page, nothing kept)',
		modules: [haiiloShareModule],
		size,
		latencyMs: 20,
		run: async (sandbox) => {
			const { result, retainedMiB } = await run(sandbox, { operation: 'countByNetwork' });
			const rows = result.json();
			const total = rows.reduce((sum, row) => sum + Number(row.shares), 0);
			if (total !== size) throw new Error(`counted ${total} shares of ${size}`);
			const instagram = rows.find((row) => row.network === 'Instagram')?.shares;
			return {
				items: rows.length,
				notes: `expect ${size / 1000} requests; heap held after GC +${retainedMiB} MiB; Instagram ${instagram}`,
			};
		},
	};
}

export const haiiloScenarios: Scenario[] = [
	{
		name: 'haiilo: getAll returnAll, 100,000 shares, 20 ms latency',
		description: 'Get Many with Return All and Simplify, 1000 shares a page',
		modules: [haiiloShareModule],
		size: 100_000,
		latencyMs: 20,
		run: async (sandbox) => {
			const { result, retainedMiB } = await run(sandbox, { operation: 'getAll', returnAll: true, simplify: true });
			return { items: result.items().length, notes: `expect 100 requests; heap held after GC +${retainedMiB} MiB (the items)` };
		},
	},
	countScenario(10_000),
	countScenario(100_000),
];
