import type { SandboxModule } from '../server';
import { ayrshareModule } from './ayrshare';
import { instagramModule } from './instagram';

/** Every provider module of the sandbox; each provider issue adds its own. */
export function providerModules(): SandboxModule[] {
	return [ayrshareModule, instagramModule];
}
