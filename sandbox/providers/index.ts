import type { SandboxModule } from '../server';
import { ayrshareModule } from './ayrshare';
import { data365Module } from './data365';
import { haiiloModuleFromEnv } from './haiilo';
import { instagramModule } from './instagram';

/**
 * Every provider module of the sandbox; each provider issue adds its own.
 * Tests use fixed fixture dates; `now` anchors dated fixtures at that time
 * instead, so "the last 7 days" finds data (the CLI, the demo, e2e, dev).
 */
export function providerModules(options: { now?: number } = {}): SandboxModule[] {
	return [ayrshareModule, data365Module, haiiloModuleFromEnv(process.env, options.now), instagramModule];
}
