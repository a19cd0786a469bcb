import type { SandboxModule } from '../server';
import { ayrshareModule } from './ayrshare';
import { data365Module } from './data365';
import { haiiloModuleFromEnv } from './haiilo';
import { createInstagramModule, instagramModule } from './instagram';

/**
 * Every provider module of the sandbox; each provider issue adds its own.
 * Tests use fixed fixture dates; `now` anchors dated fixtures at that time
 * instead, so "the last 7 days" finds data (the CLI, the demo, e2e, dev).
 */
export function providerModules(options: { now?: number } = {}): SandboxModule[] {
	const instagram =
		options.now === undefined ? instagramModule : createInstagramModule({ epoch: options.now - 6 * 3_600_000 });
	return [ayrshareModule, data365Module, haiiloModuleFromEnv(process.env, options.now), instagram];
}
