/**
 * Haiilo Share emulator: `GET /api/v1/shares?from&to` as the KB describes it.
 * RFC 3339 from/to filter (both inclusive), at most 1000 shares a page, a
 * `next` value at the top of each page but the last, Bearer token required.
 * The form of `next` (full URL, query fragment, bare token) is a module
 * setting, since the documents do not pin it down. Mounted at `/haiilo`.
 */
import { childRandom } from '../fixtures';
import { bearerToken, queryValue, type ModuleContext, type SandboxModule, type SandboxRequest, type SandboxReply } from '../server';

export type NextForm = 'url' | 'fragment' | 'token';

export type ShareRecord = Record<string, unknown>;

export interface HaiiloModuleOptions {
	/** `url`: a full URL; `fragment`: `after=<id>`; `token`: a bare token appended as `&<token>`. Default `fragment`. */
	nextForm?: NextForm;
	/** Shares per page; default 1000 as the API. */
	pageSize?: number;
	/**
	 * Shares to serve, read at every request (a test may push more between
	 * polls). Default: `size` generated shares from the sandbox seed.
	 */
	shares?: ShareRecord[];
	/** Generated shares span the 90 days before this time; default 2024-04-01 (fixed for tests). */
	endAt?: number;
	/** The only token accepted; default any non-empty Bearer token. */
	token?: string;
	/** Where the list goes: `{ next, shares }` (default), `{ next, data }`, or a bare array (one page, no `next`). */
	wrapper?: 'shares' | 'data' | 'array';
	/** The field holding each share's time, used by from/to; default `createdAt`. */
	timeField?: string;
	/** The field holding each share's id, used by `next`; default `id`. */
	idField?: string;
}

export const HAIILO_PREFIX = '/haiilo';
export const SHARES_ROUTE = `GET ${HAIILO_PREFIX}/api/v1/shares`;
export const FIXTURE_START = Date.UTC(2024, 0, 1);
const FIXTURE_SPAN_MS = 90 * 86_400_000;

/** Network mix of generated shares: [name, cumulative probability]. */
const NETWORK_MIX: Array<[string, number]> = [
	['LinkedIn', 0.4],
	['Facebook', 0.6],
	['Twitter', 0.75],
	['Instagram', 0.9],
	['XING', 1],
];

/**
 * Deterministic shares, oldest first, spread over 90 days from 2024-01-01:
 * `{ id, sharerId, network, createdAt, post: { id, title }, url }`.
 */
export function generateShares(seed: number, size: number, start = FIXTURE_START): ShareRecord[] {
	const random = childRandom(seed, 'haiilo-shares');
	const step = FIXTURE_SPAN_MS / Math.max(1, size);
	const shares: ShareRecord[] = [];
	for (let index = 0; index < size; index++) {
		const roll = random.next();
		const network = NETWORK_MIX.find(([, upTo]) => roll < upTo)?.[0] ?? 'LinkedIn';
		const postId = random.int(1, 400);
		shares.push({
			id: 100_001 + index,
			sharerId: random.int(1, 250),
			network,
			createdAt: new Date(start + Math.floor(index * step + random.next() * step * 0.9)).toISOString(),
			post: { id: postId, title: random.words(3) },
			url: `https://share.example.com/p/${postId}`,
		});
	}
	return shares;
}

function parseRfc3339(value: string): number | undefined {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) return undefined;
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? undefined : parsed;
}

function encodeToken(id: string): string {
	return Buffer.from(`after:${id}`).toString('base64url');
}

function decodeToken(token: string): string | undefined {
	const decoded = Buffer.from(token, 'base64url').toString('utf8');
	return decoded.startsWith('after:') ? decoded.slice('after:'.length) : undefined;
}

/** The `after` position: `after=<id>` (fragment and URL forms) or a bare token part of the query. */
function cursorOf(request: SandboxRequest): string | undefined {
	const after = queryValue(request, 'after');
	if (after !== undefined) return after;
	for (const part of request.rawQuery.split('&')) {
		if (part && !part.includes('=')) return decodeToken(decodeURIComponent(part)) ?? `invalid:${part}`;
	}
	return undefined;
}

/** The first index whose entry passes `test`, in entries where it passes from some index on. */
function firstIndex<T>(entries: T[], test: (entry: T) => boolean): number {
	let low = 0;
	let high = entries.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (test(entries[middle])) high = middle;
		else low = middle + 1;
	}
	return low;
}

interface Indexed {
	share: ShareRecord;
	id: string;
	at: number;
}

export function haiiloModule(options: HaiiloModuleOptions = {}): SandboxModule {
	const nextForm = options.nextForm ?? 'fragment';
	const pageSize = options.pageSize ?? 1000;
	const wrapper = options.wrapper ?? 'shares';
	const timeField = options.timeField ?? 'createdAt';
	const idField = options.idField ?? 'id';

	const index = (share: ShareRecord): Indexed => ({
		share,
		id: String(share[idField]),
		at: Date.parse(String(share[timeField])) || 0,
	});
	const byTimeThenId = (a: Indexed, b: Indexed) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

	return {
		name: 'Haiilo Share',
		prefix: HAIILO_PREFIX,
		routes: (context: ModuleContext) => {
			// Generated shares are made and ordered once (with an id index, so a page is
			// found without scanning: 100,000 shares stay cheap to serve); given ones
			// are re-read at every request.
			const generated = options.shares ? undefined : generateShares(
				context.seed,
				context.size,
				options.endAt === undefined ? FIXTURE_START : options.endAt - FIXTURE_SPAN_MS,
			).map(index);
			// Serialised once up front: V8 flattens concatenated strings the first time they
			// are serialised, which would otherwise show up in benchmarks as memory the
			// node under test holds.
			if (generated) JSON.stringify(generated);
			const generatedPositions = generated ? new Map(generated.map((entry, position) => [entry.id, position])) : undefined;
			const ordered = () => generated ?? options.shares!.map(index).sort(byTimeThenId);
			const positionOf = (entries: Indexed[], id: string) =>
				generatedPositions?.get(id) ?? entries.findIndex((entry) => entry.id === id);

			const nextValue = (request: SandboxRequest, lastId: string): string => {
				if (nextForm === 'fragment') return `after=${encodeURIComponent(lastId)}`;
				if (nextForm === 'token') return encodeToken(lastId);
				const kept = request.rawQuery
					.split('&')
					.filter((part) => part.includes('=') && !part.startsWith('after='));
				return `${context.baseUrl()}/api/v1/shares?${[...kept, `after=${encodeURIComponent(lastId)}`].join('&')}`;
			};

			const listShares = (request: SandboxRequest): SandboxReply => {
				const token = bearerToken(request);
				if (!token || (options.token !== undefined && token !== options.token)) {
					return { status: 401, body: { message: 'Authorization has been denied for this request.' } };
				}
				const bounds: Record<'from' | 'to', number | undefined> = { from: undefined, to: undefined };
				for (const name of ['from', 'to'] as const) {
					const raw = queryValue(request, name);
					if (raw === undefined || raw === '') continue;
					bounds[name] = parseRfc3339(raw);
					if (bounds[name] === undefined) {
						return { status: 400, body: { message: `The value '${raw}' is not a valid RFC 3339 date-time for '${name}'.` } };
					}
				}
				const entries = ordered();
				const lo = bounds.from === undefined ? 0 : firstIndex(entries, (entry) => entry.at >= bounds.from!);
				const hi = bounds.to === undefined ? entries.length : firstIndex(entries, (entry) => entry.at > bounds.to!);
				if (wrapper === 'array') return { body: entries.slice(lo, hi).map((entry) => entry.share) };

				const cursor = cursorOf(request);
				let start = lo;
				if (cursor !== undefined) {
					const position = positionOf(entries, cursor);
					if (position < lo || position >= hi) return { status: 400, body: { message: `Invalid next value '${cursor}'.` } };
					start = position + 1;
				}
				const page = entries.slice(start, Math.min(start + pageSize, hi));
				const more = start + page.length < hi;
				const next = context.cursor(SHARES_ROUTE, more ? nextValue(request, page[page.length - 1].id) : undefined);
				const list = page.map((entry) => entry.share);
				return { body: { ...(next !== undefined ? { next } : {}), [wrapper]: list } };
			};

			return [{ method: 'GET', path: '/api/v1/shares', handler: listShares }];
		},
	};
}

/** The module with the default settings (`next` as a query fragment). */
export const haiiloShareModule = haiiloModule();

/** For the CLI: `HAIILO_NEXT_FORM=url|fragment|token` picks the form of `next`. */
export function haiiloModuleFromEnv(
	env: Record<string, string | undefined> = process.env,
	endAt?: number,
): SandboxModule {
	const form = env.HAIILO_NEXT_FORM;
	return haiiloModule({ nextForm: form === 'url' || form === 'token' ? form : 'fragment', endAt });
}
