import { PollDeduplicator, pollWindow, shareKey } from '../../../nodes/HaiiloShare/pollState';

const MIN = 60_000;
const T0 = Date.UTC(2024, 0, 1);

describe('Haiilo Share trigger state', () => {
	it('reaches back by the overlap, never before the activation, and never past now', () => {
		const iso = (ms: number) => new Date(ms).toISOString();
		expect(pollWindow({ lastPollEnd: iso(T0 + 10 * MIN) }, T0 + 20 * MIN, 5 * MIN)).toEqual({
			from: new Date(T0 + 5 * MIN),
			to: new Date(T0 + 20 * MIN),
		});
		expect(pollWindow({ activatedAt: iso(T0 + 8 * MIN), lastPollEnd: iso(T0 + 10 * MIN) }, T0 + 20 * MIN, 5 * MIN).from).toEqual(
			new Date(T0 + 8 * MIN),
		);
		// A clock that went back: an empty window at now rather than a reversed one.
		expect(pollWindow({ lastPollEnd: iso(T0 + 60 * MIN) }, T0, 5 * MIN)).toEqual({ from: new Date(T0), to: new Date(T0) });
	});

	it('keys shares by id, or by content when they have none', () => {
		expect(shareKey({ id: 5, network: 'x' })).toBe('id:5');
		expect(shareKey({ ShareId: 'a' })).toBe('id:a');
		expect(shareKey({ text: 'hi' })).toMatch(/^sha1:[0-9a-f]{40}$/);
		expect(shareKey({ text: 'hi' })).toBe(shareKey({ text: 'hi' }));
	});

	it('emits what was not emitted, once, and remembers only what the next window reads again', () => {
		const dedupe = new PollDeduplicator({ 'id:1': T0 + 6 * MIN, 'id:0': T0 }, T0 + 20 * MIN, 5 * MIN);
		dedupe.offer({ id: 1, createdAt: new Date(T0 + 6 * MIN).toISOString() });
		dedupe.offer({ id: 2, createdAt: new Date(T0 + 12 * MIN).toISOString() });
		dedupe.offer({ id: 3, createdAt: new Date(T0 + 16 * MIN).toISOString() });
		dedupe.offer({ id: 3, createdAt: new Date(T0 + 16 * MIN).toISOString() });
		dedupe.offer({ id: 4 });
		expect(dedupe.shares.map((share) => share.id)).toEqual([2, 3, 4]);
		expect(dedupe.state()).toEqual({
			lastPollEnd: new Date(T0 + 20 * MIN).toISOString(),
			emitted: { 'id:3': T0 + 16 * MIN, 'id:4': T0 + 20 * MIN },
		});
	});
});
