import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DAY_MS } from '../shared/dates';
import { maxWaitMsFrom, maxWaitOption, simplifyProperty } from '../shared/descriptions';
import { alignColumns, flattenRow } from '../shared/output';
import { requestDeps, type RequestSettings } from '../shared/request';

import type { NetworkClassifier } from './networks';
import { instagramNotice, networkClassifier, networkProperties } from './parameters';
import { DEFAULT_OVERLAP_SECONDS, PollDeduplicator, pollWindow, type PollState } from './pollState';
import { shareCreatedAt } from './shareFields';
import { sharePages } from './transport';

/** "Fetch Test Event" shows this many of the latest shares. */
const SAMPLE_SIZE = 5;
/** Windows searched, smallest first, for those latest shares. */
const SAMPLE_WINDOWS_DAYS = [1, 7, 30];

export class HaiiloShareTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Haiilo Share Trigger',
		name: 'haiiloShareTrigger',
		icon: { light: 'file:haiiloShare.svg', dark: 'file:haiiloShare.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New shares',
		description: 'Starts the workflow when employees share content from Haiilo Share',
		defaults: { name: 'Haiilo Share Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'haiiloShareApi', required: true }],
		properties: [
			{
				displayName:
					'Emits each new share once. It starts from the moment the workflow is activated (no history); "Fetch Test Event" shows the latest shares.',
				name: 'triggerNotice',
				type: 'notice',
				default: '',
			},
			instagramNotice,
			...networkProperties,
			{
				...simplifyProperty,
				description:
					'Whether to return flat rows (nested fields as dotted columns, missing values as null) instead of the shares as Haiilo Share returns them',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					maxWaitOption,
					{
						displayName: 'Overlap (Seconds)',
						name: 'overlapSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_OVERLAP_SECONDS,
						description:
							'How far back each poll reaches before the previous poll ended, so that a share stored a little late is not missed. Shares already emitted are never emitted again.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const now = requestDeps.now();
		const classifier = networkClassifier(
			this.getNodeParameter('networks', []),
			this.getNodeParameter('otherNetworks', ''),
		);
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const settings: RequestSettings = { maxWaitMs: maxWaitMsFrom(options) };
		const toItems = (shares: IDataObject[]): INodeExecutionData[][] | null => {
			if (!shares.length) return null;
			const rows = simplify ? alignColumns(shares.map((share) => flattenRow(share))) : shares;
			return [this.helpers.returnJsonArray(rows)];
		};

		if (this.getMode() === 'manual') {
			return toItems(await latestShares(this, classifier, now, settings));
		}

		const state = this.getWorkflowStaticData('node') as PollState;
		if (!state.lastPollEnd) {
			// First activation: start from now rather than flood the workflow with history.
			state.activatedAt = new Date(now).toISOString();
			state.lastPollEnd = state.activatedAt;
			state.emitted = {};
			return null;
		}
		const overlapSeconds = Number(options.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS);
		const overlapMs = (Number.isFinite(overlapSeconds) ? Math.max(0, overlapSeconds) : DEFAULT_OVERLAP_SECONDS) * 1000;
		const window = pollWindow(state, now, overlapMs);
		const deduplicator = new PollDeduplicator(state.emitted ?? {}, window.to.getTime(), overlapMs);
		for await (const page of sharePages(this, window, settings)) {
			for (const share of page) if (classifier.matches(share)) deduplicator.offer(share);
		}
		const items = toItems(deduplicator.shares);
		// Only now that the items are ready does the position move on.
		Object.assign(state, deduplicator.state());
		return items;
	}
}

/**
 * The latest few shares, newest first, for "Fetch Test Event"; the poll
 * position is left alone. Small windows are tried first so a busy tenant is
 * not read for a month.
 */
async function latestShares(
	ctx: IPollFunctions,
	classifier: NetworkClassifier,
	now: number,
	settings: RequestSettings,
): Promise<IDataObject[]> {
	for (const days of SAMPLE_WINDOWS_DAYS) {
		let latest: Array<{ share: IDataObject; at: number }> = [];
		// Shares without a time rank by arrival, the later the newer.
		let arrival = Number.MIN_SAFE_INTEGER;
		const range = { from: new Date(now - days * DAY_MS), to: new Date(now) };
		for await (const page of sharePages(ctx, range, settings)) {
			for (const share of page) {
				if (classifier.matches(share)) latest.push({ share, at: shareCreatedAt(share) ?? arrival++ });
			}
			latest = latest.sort((a, b) => b.at - a.at).slice(0, SAMPLE_SIZE);
		}
		if (latest.length) return latest.map(({ share }) => share);
	}
	return [];
}
