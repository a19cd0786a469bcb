import { chunk, mapWithConcurrency } from '../../../nodes/shared/limiter';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapWithConcurrency', () => {
	it('keeps input order and never has more than N in flight', async () => {
		let inFlight = 0;
		let peak = 0;
		const results = await mapWithConcurrency([30, 5, 20, 1, 10, 2, 15], 3, async (ms, index) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await tick(ms);
			inFlight--;
			return `${index}:${ms}`;
		});
		expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2', '6:15']);
		expect(peak).toBe(3);
	});

	it('stops starting new tasks after a failure and throws it', async () => {
		const started: number[] = [];
		await expect(
			mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (value) => {
				started.push(value);
				await tick(1);
				if (value === 2) throw new Error('boom');
				return value;
			}),
		).rejects.toThrow('boom');
		expect(started.length).toBeLessThan(6);
	});

	it('handles an empty list and a concurrency above the list size', async () => {
		expect(await mapWithConcurrency([], 8, async (x) => x)).toEqual([]);
		expect(await mapWithConcurrency([1, 2], 50, async (x) => x * 2)).toEqual([2, 4]);
	});
});

describe('chunk', () => {
	it('splits into consecutive chunks', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 50)).toEqual([]);
	});
});
