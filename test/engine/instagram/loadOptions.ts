/** A real n8n-core LoadOptionsContext for the node's list search methods. */
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INode,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from '../../harness/engine';
import { registry } from './setup';

export function loadOptionsContext(credentials: Record<string, ICredentialDataDecryptedObject>): ILoadOptionsFunctions {
	const nodeType = registry.nodes.instagramInsights as INodeType;
	const node: INode = {
		id: 'instagram',
		name: 'Instagram Insights',
		type: 'instagramInsights',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'account', operation: 'get' },
		credentials: { instagramGraphApi: { id: '1', name: 'Instagram (test)' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ id: 'list-search', nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(registry.credentials, { ...credentials }),
		currentNodeParameters: node.parameters,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.accountId') as unknown as ILoadOptionsFunctions;
}
