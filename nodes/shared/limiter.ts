/**
 * Runs `task` over `inputs` with at most `concurrency` in flight and returns
 * the results in input order. The first failure stops new tasks from starting
 * and is thrown once the tasks already in flight have settled.
 */
export async function mapWithConcurrency<I, O>(
	inputs: readonly I[],
	concurrency: number,
	task: (input: I, index: number) => Promise<O>,
): Promise<O[]> {
	const results = new Array<O>(inputs.length);
	const width = Math.max(1, Math.min(Math.floor(concurrency) || 1, inputs.length));
	let nextIndex = 0;
	let failure: { error: unknown } | undefined;
	const worker = async (): Promise<void> => {
		while (!failure && nextIndex < inputs.length) {
			const index = nextIndex++;
			try {
				results[index] = await task(inputs[index], index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: width }, worker));
	if (failure) throw failure.error;
	return results;
}

/** Splits `inputs` into consecutive chunks of at most `size`. */
export function chunk<T>(inputs: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < inputs.length; start += size) chunks.push(inputs.slice(start, start + size));
	return chunks;
}
