import type { SandboxModule } from '../server';
import { haiiloModuleFromEnv } from './haiilo';

/** Every provider module of the sandbox; each provider issue adds its own. */
export function providerModules(): SandboxModule[] {
	return [
		haiiloModuleFromEnv(),
	];
}
