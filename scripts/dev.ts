/**
 * `npm run dev`: a real n8n editor on http://localhost:5678 with this package
 * installed, the provider sandbox running, credentials for every provider
 * pointing at it and the examples imported: click through every node without
 * a provider account. The n8n data lives in .cache/dev (delete it to start over).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { providerModules } from '../sandbox/providers';
import { startSandbox } from '../sandbox/server';
import { PACKAGE_ROOT, createInstance, ensureN8n, importCredentials, importWorkflows, start, stop, type CredentialImport } from '../test/e2e/n8n';

const PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8787);

async function main(): Promise<void> {
	const runtime = ensureN8n();
	execFileSync('npm', ['run', 'build'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
	const sandbox = await startSandbox({ modules: providerModules({ now: Date.now() }), port: SANDBOX_PORT, keepLog: false });
	const instance = createInstance(runtime, join(PACKAGE_ROOT, '.cache', 'dev'));
	const credentials: CredentialImport[] = [
		{ id: 'devInstagramFb', name: 'Instagram, Facebook Login (sandbox)', type: 'instagramGraphApi', data: { loginType: 'facebookLogin', accessToken: 'EAAsandboxFacebookLoginToken', apiVersion: 'v24.0', baseUrl: sandbox.baseUrl('/instagram') } },
		{ id: 'devInstagramIg', name: 'Instagram, Instagram Login (sandbox)', type: 'instagramGraphApi', data: { loginType: 'instagramLogin', accessToken: 'IGAAsandboxInstagramLoginToken', apiVersion: 'v24.0', baseUrl: sandbox.baseUrl('/instagram') } },
		{ id: 'devHaiilo', name: 'Haiilo Share (sandbox)', type: 'haiiloShareApi', data: { subdomain: 'sandbox', accessToken: 'sandbox-token', baseUrl: sandbox.baseUrl('/haiilo') } },
		{ id: 'devData365Graph', name: 'Data365 Graph API (sandbox)', type: 'data365Api', data: { apiVersion: 'graph', accessToken: 'sandbox-token', baseUrl: sandbox.baseUrl('/data365') } },
		{ id: 'devData365V11', name: 'Data365 v1.1 (sandbox)', type: 'data365Api', data: { apiVersion: 'v1.1', accessToken: 'sandbox-token', baseUrl: `${sandbox.baseUrl('/data365')}/v1.1` } },
		{ id: 'devAyrshare', name: 'Ayrshare (sandbox)', type: 'ayrshareApi', data: { apiKey: 'sandbox-key', baseUrl: `${sandbox.baseUrl('/ayrshare')}/api` } },
	];
	await importCredentials(instance, credentials);
	const examples = readdirSync(join(PACKAGE_ROOT, 'examples'))
		.filter((file) => file.endsWith('.json'))
		.map((file, index) => {
			const workflow = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'examples', file), 'utf8')) as { nodes: Array<{ credentials?: Record<string, { id: string; name: string }> }> };
			for (const node of workflow.nodes) {
				for (const type of Object.keys(node.credentials ?? {})) {
					const credential = credentials.find((candidate) => candidate.type === type);
					if (credential) node.credentials![type] = { id: credential.id, name: credential.name };
				}
			}
			return { ...workflow, id: `devExample${index + 1}` };
		});
	await importWorkflows(instance, examples);
	const n8n = await start(instance, PORT);
	console.log(`\nn8n is running at http://localhost:${PORT} with n8n-nodes-social-analytics installed.`);
	console.log('On the first visit, create the owner account (it stays in .cache/dev).');
	console.log(`Credentials "(sandbox)" for every provider point at the sandbox on ${sandbox.url}; the examples are imported.`);
	console.log('Press Ctrl+C to stop.\n');
	const shutdown = async () => {
		await stop(n8n);
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
