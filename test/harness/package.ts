/**
 * Every node and credential the package declares in package.json's `n8n`
 * section, loaded from their TypeScript sources: the registry the demo and
 * the examples' tests run with, so it can never drift from what n8n loads.
 */
import type { ICredentialType, INodeType } from 'n8n-workflow';
import { join } from 'node:path';

import { registryOf, type Registry } from './engine';
import manifest from '../../package.json';

const ROOT = join(__dirname, '..', '..');

function loadClass<T>(distPath: string): T {
	const source = join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(source) as Record<string, new () => T>;
	// n8n's convention: the class is named like its file (HaiiloShare.node.ts -> HaiiloShare).
	const className = distPath.split('/').pop()!.split('.')[0];
	const Class = exported[className];
	if (typeof Class !== 'function') throw new Error(`${source} does not export a class ${className}`);
	return new Class();
}

export function packageRegistry(): Registry {
	const nodes: Record<string, INodeType> = {};
	for (const path of manifest.n8n.nodes) {
		const node = loadClass<INodeType>(path);
		nodes[node.description.name] = node;
	}
	return registryOf(nodes, manifest.n8n.credentials.map((path) => loadClass<ICredentialType>(path)));
}
