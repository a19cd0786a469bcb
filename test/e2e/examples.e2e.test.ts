/**
 * The importable examples in examples/, run by a real n8n with the package
 * installed: their schedule trigger swapped for a manual one, our nodes
 * pointed at the sandbox, Google Sheets and Slack disabled (n8n passes data
 * through a disabled node), and Postgres real when PG* variables name a
 * server (.ci/run starts Debian's PostgreSQL): the rows are read back.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { providerModules } from '../../sandbox/providers';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
	PACKAGE_ROOT,
	createInstance,
	ensureN8n,
	execute,
	importCredentials,
	importWorkflows,
	type CredentialImport,
	type Execution,
	type N8nInstance,
} from './n8n';

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	disabled?: boolean;
}
interface Example {
	id?: string;
	name: string;
	nodes: ExampleNode[];
	connections: Record<string, unknown>;
}

const EXAMPLES = join(PACKAGE_ROOT, 'examples');
const postgresAvailable = Boolean(process.env.PGHOST && process.env.PGDATABASE);

let sandbox: Sandbox;
let instance: N8nInstance;
const credentials: CredentialImport[] = [];

function psql(sql: string): string {
	const result = spawnSync('psql', ['-v', 'ON_ERROR_STOP=1', '-tAc', sql], { encoding: 'utf8', env: process.env });
	if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
	return result.stdout.trim();
}

beforeAll(async () => {
	const runtime = ensureN8n();
	sandbox = await startSandbox({ modules: providerModules({ now: Date.now() }) });
	instance = createInstance(runtime);
	credentials.push(
		{ id: 'exInstagram', name: 'Instagram (sandbox)', type: 'instagramGraphApi', data: { loginType: 'instagramLogin', accessToken: 'IGAAexampleToken01', apiVersion: 'v24.0', baseUrl: sandbox.baseUrl('/instagram') } },
		{ id: 'exHaiilo', name: 'Haiilo Share (sandbox)', type: 'haiiloShareApi', data: { subdomain: 'example', accessToken: 'haiilo-example-token-01', baseUrl: sandbox.baseUrl('/haiilo') } },
		{ id: 'exData365', name: 'Data365 (sandbox)', type: 'data365Api', data: { apiVersion: 'graph', accessToken: 'data365-example-token-01', baseUrl: sandbox.baseUrl('/data365') } },
		{ id: 'exAyrshare', name: 'Ayrshare (sandbox)', type: 'ayrshareApi', data: { apiKey: 'ayrshare-example-key-01', baseUrl: `${sandbox.baseUrl('/ayrshare')}/api` } },
	);
	if (postgresAvailable) {
		credentials.push({
			id: 'exPostgres',
			name: 'Postgres (local)',
			type: 'postgres',
			data: {
				host: process.env.PGHOST,
				port: Number(process.env.PGPORT ?? 5432),
				database: process.env.PGDATABASE,
				user: process.env.PGUSER,
				password: process.env.PGPASSWORD,
				ssl: 'disable',
			},
		});
		psql(
			'CREATE TABLE IF NOT EXISTS instagram_hashtag_posts (hashtag text, post_id text, shortcode text, created_time text, like_count integer, comment_count integer, owner_username text); TRUNCATE instagram_hashtag_posts;',
		);
	}
	await importCredentials(instance, credentials);
}, 20 * 60_000);

afterAll(async () => {
	await sandbox?.close();
});

/** The example as a test runs it (see the file comment). */
function prepared(file: string, id: string): Example {
	const example = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Example;
	const nodes = example.nodes.map((node) => {
		if (node.type === 'n8n-nodes-base.scheduleTrigger') {
			return { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
		}
		const downstream = ['n8n-nodes-base.googleSheets', 'n8n-nodes-base.slack'].includes(node.type) ||
			(node.type === 'n8n-nodes-base.postgres' && !postgresAvailable);
		const withCredentials = node.credentials
			? {
					credentials: Object.fromEntries(
						Object.keys(node.credentials).map((type) => {
							const credential = credentials.find((candidate) => candidate.type === type);
							return [type, credential ? { id: credential.id, name: credential.name } : node.credentials![type]];
						}),
					),
				}
			: {};
		return { ...node, ...withCredentials, ...(downstream ? { disabled: true } : {}) };
	});
	return { ...example, id, nodes };
}

async function runExample(file: string, id: string): Promise<Execution> {
	await importWorkflows(instance, [prepared(file, id)]);
	const execution = await execute(instance, id);
	if (execution.status !== 'success') throw new Error(`${file} ended ${execution.status}: ${JSON.stringify(execution.error)}`);
	return execution;
}

const json = (execution: Execution, node: string) => execution.node(node).items.map((item) => item.json);

describe('the examples in a real n8n', () => {
	it('ships four importable examples', () => {
		expect(readdirSync(EXAMPLES).filter((file) => file.endsWith('.json')).sort()).toEqual([
			'1-weekly-instagram-report.json',
			'2-haiilo-instagram-shares-to-slack.json',
			'3-data365-hashtag-watch-to-postgres.json',
			'4-ayrshare-cross-network-analytics.json',
		]);
	});

	it('1: weekly Instagram report emits one row per media of the last 7 days, with insights', async () => {
		const execution = await runExample('1-weekly-instagram-report.json', 'example1');
		const rows = json(execution, 'Last 7 Days of Media with Insights');
		expect(rows.length).toBeGreaterThan(0);
		const weekAgo = Date.now() - 8 * 86_400_000;
		for (const row of rows) {
			expect(Date.parse(String(row.timestamp))).toBeGreaterThan(weekAgo);
			expect(row).toHaveProperty('reach');
		}
		// The disabled Google Sheets node passes on exactly what it would append.
		expect(json(execution, 'Append to Weekly Report Sheet')).toEqual(rows);
	});

	it('2: Haiilo Share counts shares per network for the Slack message', async () => {
		const execution = await runExample('2-haiilo-instagram-shares-to-slack.json', 'example2');
		const rows = json(execution, 'Count Shares by Network');
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.map((row) => row.network)).toContain('Instagram');
		const counts = rows.map((row) => Number(row.shares));
		expect([...counts].sort((a, b) => b - a)).toEqual(counts);
	});

	it(`3: Data365 hashtag posts go into Postgres${postgresAvailable ? '' : ' (no PG* variables: Postgres disabled)'}`, async () => {
		const execution = await runExample('3-data365-hashtag-watch-to-postgres.json', 'example3');
		const posts = json(execution, 'Posts Tagged #coffee');
		expect(posts.length).toBeGreaterThan(0);
		expect(json(execution, 'Pick Columns')[0]).toMatchObject({ hashtag: 'coffee' });
		if (postgresAvailable) {
			expect(Number(psql('SELECT count(*) FROM instagram_hashtag_posts'))).toBe(posts.length);
			expect(psql('SELECT post_id FROM instagram_hashtag_posts ORDER BY post_id LIMIT 1')).toBe(
				posts.map((post) => String(post.id)).sort()[0],
			);
		}
	});

	it('4: Ayrshare history then per-network analytics, one row per platform', async () => {
		const execution = await runExample('4-ayrshare-cross-network-analytics.json', 'example4');
		const posts = json(execution, 'Posts of the Last 7 Days');
		expect(posts.length).toBeGreaterThan(0);
		const analytics = json(execution, 'Analytics per Network');
		expect(analytics.length).toBeGreaterThanOrEqual(posts.length);
		for (const row of analytics) expect(row).toHaveProperty('platform');
	});
});
