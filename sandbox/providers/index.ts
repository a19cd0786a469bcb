import type { SandboxModule } from '../server';
import { ayrshareModule } from './ayrshare';
import { data365Module } from './data365';
import { haiiloModuleFromEnv } from './haiilo';
import { instagramModule } from './instagram';

/** Every provider module of the sandbox; each provider issue adds its own. */
export function providerModules(): SandboxModule[] {
	return [ayrshareModule, data365Module, haiiloModuleFromEnv(), instagramModule];
}
