/**
 * The editor as a user sees it: a real `n8n start` with the package installed,
 * Debian's Chromium driven by playwright-core. Each of our nodes is found in
 * the nodes panel by name, opened, and its resources and operations checked.
 * Screenshots go to .test-results/screenshots (git-ignored).
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { PACKAGE_ROOT, createInstance, ensureN8n, freePort, start, stop } from './n8n';

const SCREENSHOTS = join(PACKAGE_ROOT, '.test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface NodeUnderCheck {
	name: string;
	displayName: string;
	trigger: boolean;
	/** Every operation's action label, as the nodes panel lists them. */
	actions: string[];
	resources: string[];
}

/** Our nodes as the built package declares them (what n8n itself loads). */
function packageNodes(): NodeUnderCheck[] {
	const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	return manifest.n8n.nodes.map((path) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(PACKAGE_ROOT, path)) as Record<string, new () => INodeType>;
		const node = new (Object.values(module)[0])();
		const properties = node.description.properties;
		const optionsOf = (name: string) =>
			properties
				.filter((property: INodeProperties) => property.name === name && property.type === 'options')
				.flatMap((property) => (property.options ?? []) as INodePropertyOptions[]);
		return {
			name: node.description.name,
			displayName: node.description.displayName,
			trigger: Boolean(node.description.polling),
			actions: optionsOf('operation').map((option) => String(option.action ?? option.name)),
			resources: optionsOf('resource').map((option) => option.name),
		};
	});
}

let n8n: ChildProcess;
let context: BrowserContext;
let page: Page;
let base: string;

beforeAll(async () => {
	const instance = createInstance(ensureN8n());
	const port = await freePort();
	n8n = await start(instance, port);
	base = `http://127.0.0.1:${port}`;
	mkdirSync(SCREENSHOTS, { recursive: true });
	context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1400, height: 900 },
		// Without the background-networking flags Chromium floods this closed network with refused connections.
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	page = context.pages()[0] ?? (await context.newPage());
	const setup = await page.request.post(`${base}/rest/owner/setup`, {
		data: { email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'Passw0rd!Passw0rd' },
	});
	expect(setup.status()).toBe(200);
}, 20 * 60_000);

afterAll(async () => {
	await context?.close();
	if (n8n) await stop(n8n);
});

const nodes = packageNodes();

describe('the n8n editor', () => {
	it('lists our package among the installed community nodes', async () => {
		const response = await page.request.get(`${base}/types/nodes.json`);
		const types = (await response.json()) as Array<{ name: string; displayName: string }>;
		const ours = new Set(types.filter((type) => type.name.startsWith('n8n-nodes-social-analytics.')).map((type) => type.name));
		for (const node of nodes) {
			expect(ours).toContain(`n8n-nodes-social-analytics.${node.name}`);
			// usableAsTool: n8n offers every regular node to AI agents as "<name>Tool".
			if (!node.trigger) expect(ours).toContain(`n8n-nodes-social-analytics.${node.name}Tool`);
		}
	});

	it.each(nodes.map((node) => [node.displayName, node] as const))('finds and opens %s', async (displayName, node) => {
		try {
			await findAndOpen(displayName, node);
		} catch (error) {
			await page.screenshot({ path: join(SCREENSHOTS, `failed-${displayName.replace(/\W+/g, '-').toLowerCase()}.png`) });
			throw error;
		}
	});
});

async function findAndOpen(displayName: string, node: NodeUnderCheck): Promise<void> {
	await page.goto(`${base}/workflow/new`);
	await page.getByText('Add first step').waitFor({ timeout: 60_000 });
	await page.getByText('Got it').click({ timeout: 2000 }).catch(() => undefined);
	await page.keyboard.press('n');
	// n8n lists a node and its trigger as one entry under the node's name,
	// with the trigger's events under "Triggers" and the operations under "Actions".
	const entry = displayName.replace(/ Trigger$/, '');
	await page.keyboard.type(entry);
	const result = page.getByText(entry, { exact: true }).first();
	await result.waitFor({ timeout: 15_000 });
	await result.click();
	const file = displayName.replace(/\W+/g, '-').toLowerCase();
	if (node.trigger) {
		await page.getByText(/^Triggers \(\d+\)/).first().waitFor({ timeout: 15_000 });
		await page.screenshot({ path: join(SCREENSHOTS, `${file}-events.png`) });
		await page.getByText(/^On /).first().click();
		// A polling trigger opens into its parameters, with the Poll Times n8n adds to it.
		await page.getByText('Poll Times').first().waitFor({ timeout: 15_000 });
		await page.screenshot({ path: join(SCREENSHOTS, `${file}-parameters.png`) });
		return;
	}
	// With a trigger beside it on an empty canvas, n8n folds the actions away.
	const firstAction = page.getByText(node.actions[0], { exact: true }).first();
	const unfolded = await firstAction.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
	if (!unfolded) await page.getByText(/^Actions \(\d+\)/).first().click();
	for (const action of node.actions) {
		await page.getByText(action, { exact: true }).first().waitFor({ state: 'visible', timeout: 10_000 });
	}
	await page.screenshot({ path: join(SCREENSHOTS, `${file}-actions.png`) });
	await page.getByText(node.actions[0], { exact: true }).first().click();
	await page.getByText('Operation', { exact: true }).first().waitFor({ timeout: 15_000 });
	if (node.resources.length) await page.getByText('Resource', { exact: true }).first().waitFor({ timeout: 5000 });
	await page.screenshot({ path: join(SCREENSHOTS, `${file}-parameters.png`) });
}
