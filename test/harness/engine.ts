/**
 * Runs workflows through n8n-core's real WorkflowExecute, and polling triggers
 * through a real PollContext, with credentials resolved the way n8n resolves
 * them (generic `authenticate` blocks are evaluated over `$credentials`).
 * HTTP is whatever the test intercepts (nock) or serves (the sandbox).
 */
import './env';

import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IConnections,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

export interface Registry {
	nodes: Record<string, INodeType>;
	credentials: Record<string, ICredentialType>;
}

/** The start node of test workflows: emits the items given in its `items` parameter. */
export class TestStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Start',
		name: 'testStart',
		group: ['trigger'],
		version: 1,
		description: 'Starts a test workflow with fixed items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

const START_TYPE = 'test.testStart';

class RegistryNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(type: string): INodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type in test workflow: ${type}`);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** Credentials of a run, by credential type; `updates` records what n8n would save. */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly updates: Array<{ type: string; data: ICredentialDataDecryptedObject }> = [];

	constructor(
		private readonly credentialTypes: Record<string, ICredentialType>,
		private readonly store: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes[name]?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = this.credentialTypes[typeName];
		const authenticate = credentialType?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate.type !== 'generic' || !workflow || !node) return requestOptions;
		// As n8n's CredentialsHelper: every key and value is an expression over $credentials.
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outerKey, properties] of Object.entries(authenticate.properties)) {
			options[outerKey] ??= {};
			for (const [key, value] of Object.entries(properties as Record<string, unknown>)) {
				options[outerKey][String(resolve(key))] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		// Mirrors n8n's CLI: runs when the expirable hidden field is empty or the request got a 401.
		const credentialType = this.credentialTypes[typeName];
		const expirable = credentialType?.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output?.[expirable.name] === undefined) return undefined;
		const updated = Object.assign(credentials, output);
		await this.updateCredentials({ id: '1', name: typeName }, typeName, updated);
		return updated;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by the test harness');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		// Defaults of the credential's fields apply, as they do in n8n.
		const withDefaults: ICredentialDataDecryptedObject = {};
		for (const property of this.credentialTypes[type]?.properties ?? []) {
			withDefaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
		return { ...withDefaults, ...data };
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...data };
		this.updates.push({ type, data: { ...data } });
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes[type]?.properties ?? [];
	}
}

function additionalData(credentialsHelper: ICredentialsHelper, hooks?: ExecutionLifecycleHooks) {
	return {
		credentialsHelper,
		hooks,
		executionId: '1',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in the test harness');
		},
		startRunnerTask: async () => {
			throw new Error('Task runners are not available in the test harness');
		},
		evalLlmMockHandler: undefined,
		ssrfBridge: undefined,
		parentCallbackManager: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeUnderTest {
	/** Registry key, e.g. `haiiloShare`. */
	type: string;
	parameters: IDataObject;
	name?: string;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** The error that stopped the workflow, if any. */
	error?: Error & { description?: string; httpCode?: string | null; context?: IDataObject };
	/** Items the named node emitted on its first output, with pairedItem. */
	items(nodeName?: string): INodeExecutionData[];
	/** Just the json of those items. */
	json(nodeName?: string): IDataObject[];
	credentialUpdates: Array<{ type: string; data: ICredentialDataDecryptedObject }>;
}

/**
 * Runs Start -> node (-> more nodes) in n8n-core's WorkflowExecute and returns
 * what each node emitted. `input` is what the Start node emits.
 */
export async function runNode(
	registry: Registry,
	node: NodeUnderTest,
	input: IDataObject[] = [{}],
	options: { mode?: WorkflowExecuteMode; staticData?: IDataObject } = {},
): Promise<RunResult> {
	const nodeName = node.name ?? 'Node';
	const credentialEntries = Object.keys(node.credentials ?? {});
	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: START_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(input) },
		},
		{
			id: 'under-test',
			name: nodeName,
			type: node.type,
			typeVersion: 1,
			position: [200, 0],
			parameters: node.parameters as INode['parameters'],
			continueOnFail: node.continueOnFail,
			credentials: Object.fromEntries(
				credentialEntries.map((type) => [type, { id: '1', name: `${type} (test)` }]),
			),
		},
	];
	const connections = {
		Start: { main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const credentialTypes = registry.credentials;
	const helper = new TestCredentialsHelper(credentialTypes, { ...(node.credentials ?? {}) });
	const nodeTypes = new RegistryNodeTypes({ ...registry.nodes, [START_TYPE]: new TestStart() });
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: options.staticData,
		settings: { executionOrder: 'v1' },
	});
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'Test workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, '1', workflowData);
	const data = additionalData(helper, hooks);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(data, mode, runExecutionData).processRunExecutionData(workflow);
	const runData = run.data.resultData.runData;
	const items = (name = nodeName): INodeExecutionData[] =>
		(runData[name]?.[0]?.data?.main?.[0] as INodeExecutionData[] | undefined) ?? [];
	return {
		run,
		status: run.status,
		error: (run.data.resultData.error ?? runData[nodeName]?.[0]?.error) as RunResult['error'],
		items,
		json: (name?: string) => items(name).map((item) => item.json),
		credentialUpdates: helper.updates,
	};
}

export interface PollUnderTest {
	type: string;
	parameters: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's static data; kept by the caller across polls. */
	staticData: IDataObject;
	/** `trigger` for an active workflow, `manual` for "Fetch Test Event". */
	mode?: WorkflowExecuteMode;
}

/** Runs one `poll()` of a polling trigger in a real n8n-core PollContext. */
export async function runPoll(
	registry: Registry,
	trigger: PollUnderTest,
): Promise<{ items: INodeExecutionData[]; json: IDataObject[]; returned: INodeExecutionData[][] | null }> {
	const nodeType = registry.nodes[trigger.type];
	if (!nodeType?.poll) throw new Error(`${trigger.type} has no poll()`);
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: trigger.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: trigger.parameters as INode['parameters'],
		credentials: Object.fromEntries(
			Object.keys(trigger.credentials ?? {}).map((type) => [type, { id: '1', name: `${type} (test)` }]),
		),
	};
	const nodeTypes = new RegistryNodeTypes(registry.nodes);
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: { [`node:${node.name}`]: trigger.staticData },
		settings: { executionOrder: 'v1' },
	});
	// n8n keeps node static data under "node:<name>"; the caller's object is that very entry.
	workflow.staticData[`node:${node.name}`] = trigger.staticData;
	const helper = new TestCredentialsHelper(registry.credentials, { ...(trigger.credentials ?? {}) });
	const mode = trigger.mode ?? 'trigger';
	const context = new PollContext(
		workflow,
		node,
		additionalData(helper),
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	const returned = await nodeType.poll.call(context);
	const items = returned?.[0] ?? [];
	return { items, json: items.map((item) => item.json), returned };
}

/** Registry helpers for tests. */
export function registryOf(nodes: Record<string, INodeType>, credentials: ICredentialType[]): Registry {
	return {
		nodes,
		credentials: Object.fromEntries(credentials.map((credential) => [credential.name, credential])),
	};
}

/**
 * Runs a credential type's `test` request as n8n's "Test connection" does:
 * its expressions resolved over `$credentials`, the credential's authentication
 * applied by n8n-core's httpRequestWithAuthentication, then its rules checked.
 */
export async function runCredentialTest(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string; request?: IHttpRequestOptions }> {
	const test = credentialType.test;
	if (!test?.request) throw new Error(`${credentialType.name} has no test request`);
	let sentRequest: IHttpRequestOptions | undefined;
	const probe: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const credentials = await this.getCredentials(credentialType.name);
			const node = this.getNode();
			const resolve = (value: unknown): unknown => {
				if (typeof value === 'string' && value.startsWith('=')) return resolveExpression(value);
				if (value && typeof value === 'object' && !Array.isArray(value)) {
					return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
				}
				return value;
			};
			const resolveExpression = (value: string) =>
				workflowOf(this).expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
			const request = resolve({ method: 'GET', ...test.request }) as IHttpRequestOptions;
			sentRequest = { ...request };
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType.name, {
				...request,
				json: true,
				returnFullResponse: true,
			})) as { statusCode: number; body: IDataObject };
			return [[{ json: { statusCode: response.statusCode, body: response.body } }]];
		},
	};
	const registry: Registry = { nodes: { credentialTest: probe }, credentials: { [credentialType.name]: credentialType } };
	const result = await runNode(registry, {
		type: 'credentialTest',
		parameters: {},
		credentials: { [credentialType.name]: data },
	});
	if (result.status !== 'success') {
		return { status: 'Error', message: result.error?.message ?? 'failed', request: sentRequest };
	}
	const { statusCode, body } = result.json()[0] as { statusCode: number; body: IDataObject };
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message, request: sentRequest };
		}
		if (rule.type === 'responseSuccessBody' && body?.[rule.properties.key] === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message, request: sentRequest };
		}
	}
	return { status: 'OK', message: 'Connection tested successfully', request: sentRequest };
}

function workflowOf(ctx: IExecuteFunctions): Workflow {
	// The execute context keeps its Workflow; n8n's own credential test resolves over it the same way.
	return (ctx as unknown as { workflow: Workflow }).workflow;
}

export const PACKAGE_NODE_PREFIX = 'n8n-nodes-social-analytics.';

/**
 * Stands in for a node of n8n's own (Google Sheets, Slack, Postgres...) when an
 * example workflow runs in the bare engine: it passes its input on unchanged,
 * and emits what it would have sent where it has a `text` parameter (Slack).
 */
class DownstreamStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Downstream Stand-In',
		name: 'downstreamStandIn',
		group: ['transform'],
		version: 1,
		description: 'Records what a downstream node would receive',
		defaults: { name: 'Downstream' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Declared so that n8n keeps and resolves a message node's text.
		properties: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const text = this.getNodeParameter('text', 0, '') as string;
		if (text) return [[{ json: { text }, pairedItem: { item: 0 } }]];
		return [items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
	}
}

export interface WorkflowFile {
	name?: string;
	nodes: INode[];
	connections: IConnections;
}

/**
 * Runs an exported workflow (e.g. from examples/) in n8n-core's WorkflowExecute:
 * its trigger starts it, this package's nodes run for real with the given
 * credentials, and n8n's own nodes are stand-ins that record their input.
 */
export async function runWorkflowFile(
	registry: Registry,
	workflowFile: WorkflowFile,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<RunResult> {
	const standIn = new DownstreamStandIn();
	const types: Record<string, INodeType> = { [START_TYPE]: new TestStart() };
	const nodes: INode[] = workflowFile.nodes.map((node) => {
		if (node.type.startsWith(PACKAGE_NODE_PREFIX)) {
			const name = node.type.slice(PACKAGE_NODE_PREFIX.length);
			types[node.type] = registry.nodes[name];
			const credentialTypes = Object.keys(node.credentials ?? {});
			return {
				...node,
				credentials: Object.fromEntries(credentialTypes.map((type) => [type, { id: '1', name: `${type} (demo)` }])),
			};
		}
		if (/trigger/i.test(node.type)) return { ...node, type: START_TYPE, typeVersion: 1, parameters: { items: '[{}]' } };
		types[node.type] = standIn;
		return { ...node, typeVersion: 1 };
	});
	const start = nodes.find((node) => node.type === START_TYPE);
	if (!start) throw new Error('The workflow has no trigger to start from');
	const connections = workflowFile.connections;
	const helper = new TestCredentialsHelper(registry.credentials, { ...credentials });
	const workflow = new Workflow({
		id: 'example',
		name: workflowFile.name ?? 'Example',
		nodes,
		connections,
		active: false,
		nodeTypes: new RegistryNodeTypes(types),
		settings: { executionOrder: 'v1' },
	});
	const workflowData = {
		id: 'example',
		name: workflowFile.name ?? 'Example',
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData);
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }] },
	});
	const run = await new WorkflowExecute(additionalData(helper, hooks), 'manual', runExecutionData).processRunExecutionData(workflow);
	const runData = run.data.resultData.runData;
	const items = (name = start.name): INodeExecutionData[] =>
		(runData[name]?.[0]?.data?.main?.[0] as INodeExecutionData[] | undefined) ?? [];
	return {
		run,
		status: run.status,
		error: run.data.resultData.error as RunResult['error'],
		items,
		json: (name?: string) => items(name).map((item) => item.json),
		credentialUpdates: helper.updates,
	};
}
