/**
 * `npm run sandbox -- [--port 0] [--seed 42] [--size 100] [--latency 0]`:
 * starts the emulator with every provider module and prints its base URLs.
 */
import { providerModules } from './providers';
import { startSandbox } from './server';

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main(): Promise<void> {
	const modules = providerModules({ now: Date.now() });
	const sandbox = await startSandbox({
		port: option('port', Number(process.env.SANDBOX_PORT ?? 0)),
		seed: option('seed', 42),
		size: option('size', 100),
		latencyMs: option('latency', 0),
		modules,
		keepLog: false,
	});
	console.log(`Sandbox listening on ${sandbox.url}`);
	for (const module of modules) console.log(`  ${module.name}: ${sandbox.baseUrl(module.prefix)}`);
	console.log(`  control: ${sandbox.url}/__sandbox/log (request counts), /__sandbox/faults (POST a fault)`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
