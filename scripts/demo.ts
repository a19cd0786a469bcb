/**
 * `npm run demo`: no provider account needed. Starts the provider sandbox,
 * runs example 1 (weekly Instagram report) and example 2 (Instagram shares
 * from Haiilo Share) through n8n-core's real engine against it, prints the
 * rows our nodes emit as tables, and writes them as CSV to demo-output/.
 * Google Sheets and Slack are stand-ins that show what they would receive.
 */
import '../test/harness/env';

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { providerModules } from '../sandbox/providers';
import { startSandbox } from '../sandbox/server';
import { runWorkflowFile, type WorkflowFile } from '../test/harness/engine';
import { packageRegistry } from '../test/harness/package';

const ROOT = join(__dirname, '..');
const OUTPUT = join(ROOT, 'demo-output');

function csv(rows: IDataObject[]): string {
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cell = (value: unknown) => {
		if (value === null || value === undefined) return '';
		const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
		return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\n') + '\n';
}

function pick(rows: IDataObject[], columns: string[]): IDataObject[] {
	return rows.map((row) => Object.fromEntries(columns.filter((column) => column in row).map((column) => [column, row[column]])));
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({ modules: providerModules({ now: Date.now() }), size: 1000, keepLog: false });
	const registry = packageRegistry();
	mkdirSync(OUTPUT, { recursive: true });
	try {
		const load = (file: string) => JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as WorkflowFile;

		console.log(`\nSandbox running at ${sandbox.url} (no provider account needed)\n`);
		console.log('Example 1: Weekly Instagram report (Schedule -> Instagram Insights -> Google Sheets)');
		const report = await runWorkflowFile(registry, load('1-weekly-instagram-report.json'), {
			instagramGraphApi: { loginType: 'instagramLogin', accessToken: 'IGAAdemoInstagramLoginToken', apiVersion: 'v24.0', baseUrl: sandbox.baseUrl('/instagram') },
		});
		if (report.status !== 'success') throw report.error ?? new Error('example 1 failed');
		const media = report.json('Last 7 Days of Media with Insights');
		console.table(pick(media, ['timestamp', 'media_type', 'media_product_type', 'like_count', 'comments_count', 'reach', 'views', 'saved', 'shares']));
		writeFileSync(join(OUTPUT, 'weekly-instagram-report.csv'), csv(media));
		console.log(`${media.length} rows -> demo-output/weekly-instagram-report.csv (what Google Sheets would append: ${report.json('Append to Weekly Report Sheet').length} rows)\n`);

		console.log('Example 2: Instagram shares from Haiilo Share (Schedule -> Haiilo Share count by network -> Slack)');
		const shares = await runWorkflowFile(registry, load('2-haiilo-instagram-shares-to-slack.json'), {
			haiiloShareApi: { subdomain: 'demo', accessToken: 'demo-token', baseUrl: sandbox.baseUrl('/haiilo') },
		});
		if (shares.status !== 'success') throw shares.error ?? new Error('example 2 failed');
		const counts = shares.json('Count Shares by Network');
		console.table(counts);
		writeFileSync(join(OUTPUT, 'haiilo-shares-by-network.csv'), csv(counts));
		console.log('Slack message:', shares.json('Post Instagram Count to Slack')[0]?.text);
		console.log(`${counts.length} rows -> demo-output/haiilo-shares-by-network.csv`);
		console.log(`\nHTTP requests served by the sandbox: ${sandbox.totalRequests()}`);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
