/** Helpers to match and answer Graph batch requests in nock. */
import type { IDataObject } from 'n8n-workflow';

/** The form body `batch=[...]&include_headers=false`, parsed whichever way nock hands it over. */
export function readBatch(body: unknown): { batch: Array<{ method: string; relative_url: string }>; includeHeaders: unknown } {
	const fields = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, unknown>);
	return { batch: JSON.parse(String(fields.batch)), includeHeaders: fields.include_headers };
}

/** A nock body matcher for a batch of GETs with exactly these relative URLs. */
export function batchOf(relativeUrls: string[]) {
	return (body: unknown): boolean => {
		const { batch, includeHeaders } = readBatch(body);
		const expected = relativeUrls.map((relative_url) => ({ method: 'GET', relative_url }));
		const matches = JSON.stringify(batch) === JSON.stringify(expected) && includeHeaders === 'false';
		if (!matches) {
			// Shown by jest when no interceptor matches, to see what was sent.
			process.stderr.write(`batch sent: ${JSON.stringify(batch)}\n`);
		}
		return matches;
	};
}

export function batchReply(code: number, body: unknown) {
	return { code, body: JSON.stringify(body) };
}

export function insightsBody(values: Record<string, unknown>): IDataObject {
	return {
		data: Object.entries(values).map(([name, value]) => ({
			name,
			period: 'lifetime',
			values: [{ value }],
			title: name,
			description: name,
			id: `x/insights/${name}/lifetime`,
		})),
	};
}
