/** What every event's poll reads from the trigger's parameters. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { maxWaitMsFrom } from '../../shared/descriptions';
import { requestDeps, type RequestSettings } from '../../shared/request';
import { requireIntegerInRange } from '../../shared/validation';
import { accountIdFrom } from '../helpers/account';
import type { GraphConnection } from '../transport';

/** Records a manual test run ("Fetch Test Event") returns. */
export const MANUAL_SAMPLE = 5;

export interface PollSettings {
	accountId: string;
	simplify: boolean;
	concurrency: number;
	settings: RequestSettings;
	manual: boolean;
	now: number;
}

export function optionsOfPoll(ctx: IPollFunctions): IDataObject {
	return (ctx.getNodeParameter('options', {}) ?? {}) as IDataObject;
}

export function pollSettings(ctx: IPollFunctions, connection: GraphConnection): PollSettings {
	const options = optionsOfPoll(ctx);
	const concurrency =
		options.concurrency === undefined || options.concurrency === null || options.concurrency === ''
			? 8
			: requireIntegerInRange(ctx.getNode(), { label: 'Concurrency' }, options.concurrency, 1, 50);
	return {
		accountId: accountIdFrom(ctx.getNode(), ctx.getNodeParameter('accountId', '', { extractValue: true }), connection),
		simplify: ctx.getNodeParameter('simplify', true) as boolean,
		concurrency,
		settings: { maxWaitMs: maxWaitMsFrom(options as { maxWaitSeconds?: number }) },
		manual: ctx.getMode() === 'manual',
		now: requestDeps.now(),
	};
}
