import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { normaliseKey, shareNetworkNames } from './shareFields';

/**
 * The networks Haiilo Share users share to. `aliases` are the spellings a
 * share's network field may carry (compared without case); `keywords` are
 * what the seed's method searches a share for when it has no such field.
 */
export interface KnownNetwork {
	value: string;
	name: string;
	aliases: string[];
	keywords: string[];
}

export const KNOWN_NETWORKS: readonly KnownNetwork[] = [
	{ value: 'facebook', name: 'Facebook', aliases: ['facebook', 'fb'], keywords: ['Facebook'] },
	// Counted when a user taps Share to > Instagram in the mobile app, whether or not they post.
	{ value: 'instagram', name: 'Instagram', aliases: ['instagram', 'ig'], keywords: ['Instagram'] },
	{ value: 'linkedin', name: 'LinkedIn', aliases: ['linkedin', 'linked in'], keywords: ['LinkedIn'] },
	{ value: 'wechat', name: 'WeChat', aliases: ['wechat', 'weixin'], keywords: ['WeChat'] },
	// A bare "X" is too common a letter to search for; a field saying "X" is still recognised.
	{
		value: 'twitter',
		name: 'X (Twitter)',
		aliases: ['twitter', 'x', 'x (twitter)', 'twitter / x', 'twitter/x', 'x/twitter', 'x.com'],
		keywords: ['Twitter', 'x.com'],
	},
	{ value: 'xing', name: 'XING', aliases: ['xing'], keywords: ['XING'] },
];

export const networkOptions: INodePropertyOptions[] = KNOWN_NETWORKS.map(({ name, value }) => ({ name, value }));

/** A network a run looks for: a known one, or one the user typed. */
export interface NetworkTarget {
	name: string;
	aliases: Set<string>;
	keywords: string[];
}

function aliasKey(name: string): string {
	return name.trim().toLowerCase();
}

function knownTarget(network: KnownNetwork): NetworkTarget {
	return { name: network.name, aliases: new Set(network.aliases), keywords: network.keywords };
}

function knownByAlias(name: string): KnownNetwork | undefined {
	const key = aliasKey(name);
	return KNOWN_NETWORKS.find((network) => network.value === key || network.aliases.includes(key));
}

/** The chosen networks (list values plus free-text names), without duplicates; empty means all. */
export function networkTargets(selected: readonly string[], typed: readonly string[]): NetworkTarget[] {
	const targets: NetworkTarget[] = [];
	const add = (target: NetworkTarget) => {
		if (!targets.some((existing) => aliasKey(existing.name) === aliasKey(target.name))) targets.push(target);
	};
	for (const name of [...selected, ...typed]) {
		if (name.trim() === '') continue;
		const known = knownByAlias(name);
		if (known) add(knownTarget(known));
		else add({ name: name.trim(), aliases: new Set([aliasKey(name)]), keywords: [name.trim()] });
	}
	return targets;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `text` mentions `keyword` as a word: "Share to Instagram",
 * "instagram.com" and "shareToInstagram" do; "mixing" does not mention XING.
 */
function mentionsWord(text: string, pattern: RegExp): boolean {
	pattern.lastIndex = 0;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		const before = text[match.index - 1] ?? '';
		const after = text[match.index + match[0].length] ?? '';
		// A word starts after a non-alphanumeric or at a camelCase capital.
		const startsWord = !/[A-Za-z0-9]/.test(before) || (/[a-z0-9]/.test(before) && /[A-Z]/.test(match[0][0]));
		const endsWord = !/[a-z0-9]/.test(after) && !(/[A-Z]/.test(after) && /[A-Z]/.test(match[0].slice(-1)));
		if (startsWord && endsWord) return true;
	}
	return false;
}

/** The seed's method: does the share's JSON mention the keyword? Keys count only when set. */
function shareMentions(value: unknown, pattern: RegExp, keyword: string): boolean {
	if (typeof value === 'string') return mentionsWord(value, pattern);
	if (Array.isArray(value)) return value.some((inner) => shareMentions(inner, pattern, keyword));
	if (value && typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) {
			if (normaliseKey(key) === normaliseKey(keyword) && inner !== null && inner !== false && inner !== '') return true;
			if (shareMentions(inner, pattern, keyword)) return true;
		}
	}
	return false;
}

export type CountMethod = 'field' | 'keyword';

export interface Classification {
	method: CountMethod;
	/** Display names of the networks the share counts for, each once. */
	networks: string[];
}

/**
 * Reads which networks a share went to: from its network field where it has
 * one, else by keyword. With chosen targets, only those are reported.
 */
export class NetworkClassifier {
	private readonly keywordSearch: Array<{ name: string; patterns: Array<{ pattern: RegExp; keyword: string }> }>;

	constructor(readonly targets: readonly NetworkTarget[]) {
		const searched = targets.length ? targets : KNOWN_NETWORKS.map(knownTarget);
		this.keywordSearch = searched.map((target) => ({
			name: target.name,
			patterns: target.keywords.map((keyword) => ({ pattern: new RegExp(escapeRegExp(keyword), 'gi'), keyword })),
		}));
	}

	/** Whether only chosen networks count (an empty choice means every network). */
	get filtering(): boolean {
		return this.targets.length > 0;
	}

	private targetFor(name: string): NetworkTarget | undefined {
		const key = aliasKey(name);
		return this.targets.find((target) => target.aliases.has(key));
	}

	private isNetworkName = (name: string): boolean => knownByAlias(name) !== undefined || this.targetFor(name) !== undefined;

	/** The display name for a network as a share's field spells it. */
	private displayName(name: string): string {
		return this.targetFor(name)?.name ?? knownByAlias(name)?.name ?? name.trim();
	}

	classify(share: IDataObject): Classification {
		const fieldNames = shareNetworkNames(share, this.isNetworkName);
		if (fieldNames.length) {
			const names = new Map<string, string>();
			for (const raw of fieldNames) {
				if (this.filtering && !this.targetFor(raw) && !this.targetFor(this.displayName(raw))) continue;
				const display = this.displayName(raw);
				if (!names.has(aliasKey(display))) names.set(aliasKey(display), display);
			}
			return { method: 'field', networks: [...names.values()] };
		}
		const networks = this.keywordSearch
			.filter(({ patterns }) => patterns.some(({ pattern, keyword }) => shareMentions(share, pattern, keyword)))
			.map(({ name }) => name);
		return { method: 'keyword', networks };
	}

	/** Whether a share counts for a chosen network (always, when none is chosen). */
	matches(share: IDataObject): boolean {
		return !this.filtering || this.classify(share).networks.length > 0;
	}
}

export interface NetworkCountRow extends IDataObject {
	network: string;
	shares: number;
	from: string | null;
	to: string | null;
	method: string;
}

export const UNKNOWN_NETWORK = '(unknown)';

/**
 * Counts shares per network as pages arrive, keeping only the totals, so the
 * memory used does not grow with the number of shares.
 */
export class NetworkCounter {
	private readonly totals = new Map<string, { network: string; field: number; keyword: number }>();
	private fieldShares = 0;
	private keywordShares = 0;
	private unknown = 0;

	constructor(private readonly classifier: NetworkClassifier) {
		for (const target of classifier.targets) this.entry(target.name);
	}

	private entry(network: string) {
		const key = aliasKey(network);
		let entry = this.totals.get(key);
		if (!entry) {
			entry = { network, field: 0, keyword: 0 };
			this.totals.set(key, entry);
		}
		return entry;
	}

	add(share: IDataObject): void {
		const { method, networks } = this.classifier.classify(share);
		if (method === 'field') this.fieldShares++;
		else this.keywordShares++;
		if (!networks.length && !this.classifier.filtering) this.unknown++;
		for (const network of networks) this.entry(network)[method]++;
	}

	private static method(field: number, keyword: number): string {
		if (field > 0 && keyword > 0) return 'field+keyword';
		return keyword > 0 ? 'keyword' : 'field';
	}

	/** One row per network, most shares first (then by name). */
	rows(from: string | null, to: string | null): NetworkCountRow[] {
		const runMethod = NetworkCounter.method(this.fieldShares, this.keywordShares);
		const rows: NetworkCountRow[] = [...this.totals.values()].map(({ network, field, keyword }) => ({
			network,
			shares: field + keyword,
			from,
			to,
			method: field + keyword === 0 ? runMethod : NetworkCounter.method(field, keyword),
		}));
		if (this.unknown > 0) rows.push({ network: UNKNOWN_NETWORK, shares: this.unknown, from, to, method: 'keyword' });
		return rows.sort((a, b) => b.shares - a.shares || a.network.localeCompare(b.network));
	}
}
