/**
 * Benchmark runner: starts the sandbox with latency, runs each scenario through
 * the real n8n-core engine, and prints requests made, wall time and peak RSS
 * growth. `npm run bench -- [name filter]`. Figures are printed, never asserted.
 */
import '../test/harness/env';

import { startSandbox, type Sandbox, type SandboxModule } from '../sandbox/server';

export interface ScenarioResult {
	/** Items the workflow emitted. */
	items: number;
	notes?: string;
}

export interface Scenario {
	name: string;
	description: string;
	modules: SandboxModule[];
	seed?: number;
	size: number;
	latencyMs: number;
	run(sandbox: Sandbox): Promise<ScenarioResult>;
}

export interface Measurement {
	scenario: string;
	requests: number;
	wallMs: number;
	peakRssGrowthMiB: number;
	items: number;
	notes?: string;
}

const MiB = 1024 * 1024;

function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

export async function measure(scenario: Scenario): Promise<Measurement> {
	const sandbox = await startSandbox({
		modules: scenario.modules,
		seed: scenario.seed,
		size: scenario.size,
		latencyMs: 0,
		keepLog: false,
	});
	try {
		// Warm-up: load the engine and the node code outside the measurement.
		sandbox.clearLog();
		collectGarbage();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => {
			peak = Math.max(peak, process.memoryUsage().rss);
		}, 5);
		sandbox.setLatency(scenario.latencyMs);
		const started = process.hrtime.bigint();
		const result = await scenario.run(sandbox);
		const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		return {
			scenario: scenario.name,
			requests: sandbox.totalRequests(),
			wallMs: Math.round(wallMs),
			peakRssGrowthMiB: Math.round(((peak - baseline) / MiB) * 10) / 10,
			items: result.items,
			notes: result.notes,
		};
	} finally {
		await sandbox.close();
	}
}

export function printTable(measurements: Measurement[]): void {
	const rows = measurements.map((m) => ({
		scenario: m.scenario,
		requests: m.requests,
		'wall ms': m.wallMs,
		'peak RSS growth MiB': m.peakRssGrowthMiB,
		items: m.items,
		notes: m.notes ?? '',
	}));
	console.table(rows);
}
