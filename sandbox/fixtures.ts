/** Deterministic fixture generation: the same seed and size give the same data. */

export interface Random {
	/** A float in [0, 1). */
	next(): number;
	int(min: number, max: number): number;
	pick<T>(values: readonly T[]): T;
	chance(probability: number): boolean;
	/** A string of `length` decimal digits not starting with 0 (Graph-style numeric IDs). */
	digits(length: number): string;
	/** A URL-safe token of `length` characters. */
	token(length: number): string;
	/** A timestamp in [from, to). */
	dateBetween(from: Date, to: Date): Date;
	words(count: number): string;
}

const WORDS = [
	'summer', 'launch', 'coffee', 'team', 'behind', 'scenes', 'new', 'product', 'city', 'travel',
	'morning', 'story', 'design', 'friday', 'sale', 'recipe', 'studio', 'event', 'live', 'thanks',
];
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** mulberry32: small, fast, and good enough for fixtures. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick: (values) => values[Math.floor(next() * values.length)],
		chance: (probability) => next() < probability,
		digits: (length) => String(int(1, 9)) + Array.from({ length: length - 1 }, () => String(int(0, 9))).join(''),
		token: (length) => Array.from({ length }, () => TOKEN_ALPHABET[int(0, TOKEN_ALPHABET.length - 1)]).join(''),
		dateBetween: (from, to) => new Date(from.getTime() + Math.floor(next() * (to.getTime() - from.getTime()))),
		words: (count) => Array.from({ length: count }, () => WORDS[int(0, WORDS.length - 1)]).join(' '),
	};
}

/** A child generator for one named collection, so adding one does not shift another's data. */
export function childRandom(seed: number, name: string): Random {
	let hash = seed >>> 0;
	for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
	return createRandom(hash);
}
