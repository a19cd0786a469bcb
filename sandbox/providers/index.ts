import type { SandboxModule } from '../server';
import { data365Module } from './data365';

/** Every provider module of the sandbox; each provider issue adds its own. */
export function providerModules(): SandboxModule[] {
	return [data365Module];
}
