import { nodeType } from './n8n';

export interface StepNode {
	name: string;
	/** Our node's name (`ayrshare`), or a full type such as `n8n-nodes-base.set`. */
	type: string;
	parameters: Record<string, unknown>;
	/** The node it follows; the Manual Trigger when absent. */
	after?: string;
	credentials?: Record<string, { id: string; name: string }>;
	typeVersion?: number;
	disabled?: boolean;
}

/** A workflow of a Manual Trigger and the given nodes, each wired after its `after`. */
export function manualWorkflow(id: string, name: string, steps: StepNode[]): object {
	const nodes = [
		{ id: 'manual', name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...steps.map((step, index) => ({
			id: `n${index}`,
			name: step.name,
			type: step.type.includes('.') ? step.type : nodeType(step.type),
			typeVersion: step.typeVersion ?? 1,
			position: [300 + 250 * (index % 4), 200 * Math.floor(index / 4)],
			parameters: step.parameters,
			...(step.credentials ? { credentials: step.credentials } : {}),
			...(step.disabled ? { disabled: true } : {}),
		})),
	];
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (const step of steps) {
		const from = step.after ?? 'Manual';
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: step.name, type: 'main', index: 0 });
	}
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}
