import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import codex from '../../../nodes/HaiiloShare/HaiiloShare.node.json';
import triggerCodex from '../../../nodes/HaiiloShare/HaiiloShareTrigger.node.json';
import { HaiiloShare, HaiiloShareTrigger } from '../../fixtures/haiilo/registry';

const node = new HaiiloShare().description;
const trigger = new HaiiloShareTrigger().description;

const shownFor = (properties: INodeProperties[], operation: string) =>
	properties.filter((property) => {
		const show = property.displayOptions?.show;
		return !show?.operation || (show.operation as string[]).includes(operation);
	});

describe('Haiilo Share descriptions', () => {
	it('names the node, the trigger and the credential as the public contract says', () => {
		expect([node.name, node.displayName, trigger.name, trigger.displayName]).toEqual([
			'haiiloShare',
			'Haiilo Share',
			'haiiloShareTrigger',
			'Haiilo Share Trigger',
		]);
		expect(node.credentials).toEqual([{ name: 'haiiloShareApi', required: true }]);
		expect(trigger.credentials).toEqual([{ name: 'haiiloShareApi', required: true }]);
		expect(node.usableAsTool).toBe(true);
		expect(trigger.usableAsTool).toBeUndefined();
		expect(trigger.polling).toBe(true);
		expect(trigger.inputs).toEqual([]);
		expect(codex.node).toBe('n8n-nodes-social-analytics.haiiloShare');
		expect(triggerCodex.node).toBe('n8n-nodes-social-analytics.haiiloShareTrigger');
	});

	it('offers share > getAll and countByNetwork with the parameters the issue names', () => {
		const operation = node.properties.find((property) => property.name === 'operation');
		expect((operation?.options as INodePropertyOptions[]).map((option) => [option.value, option.action])).toEqual([
			['countByNetwork', 'Count shares by network'],
			['getAll', 'Get many shares'],
		]);
		const names = (op: string) => shownFor(node.properties, op).filter((p) => p.type !== 'notice').map((p) => p.name);
		expect(names('getAll')).toEqual(expect.arrayContaining(['from', 'to', 'returnAll', 'limit', 'simplify', 'networks', 'otherNetworks']));
		expect(names('countByNetwork')).toEqual(expect.arrayContaining(['from', 'to', 'networks', 'otherNetworks']));
		expect(names('countByNetwork')).not.toContain('limit');
		const networks = node.properties.find((property) => property.name === 'networks');
		expect((networks?.options as INodePropertyOptions[]).map((option) => option.name)).toContain('Instagram');
	});

	it('says plainly, on both operations and the trigger, that Instagram shares are an approximation', () => {
		for (const op of ['getAll', 'countByNetwork']) {
			expect(shownFor(node.properties, op).some((p) => p.type === 'notice' && /Instagram shares are an approximation/.test(p.displayName))).toBe(true);
		}
		expect(trigger.properties.some((p) => p.type === 'notice' && /Instagram shares are an approximation/.test(p.displayName))).toBe(true);
	});
});
