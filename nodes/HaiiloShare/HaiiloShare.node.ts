import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as share from './actions/share/Share.resource';

export class HaiiloShare implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Haiilo Share',
		name: 'haiiloShare',
		icon: { light: 'file:haiiloShare.svg', dark: 'file:haiiloShare.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and count the shares your employees make from Haiilo Share (formerly Smarp)',
		defaults: { name: 'Haiilo Share' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'haiiloShareApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Share', value: 'share' }],
				default: 'share',
			},
			...share.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
