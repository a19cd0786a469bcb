/**
 * Sandbox module of the Instagram Graph API, mounted at `/instagram`: a
 * credential Base URL of `<sandbox>/instagram` serves `/instagram/v24.0/...`
 * and the batch endpoint `POST /instagram/`.
 *
 * One module stands for both hosts: a token starting with `IG` (as Instagram
 * Login tokens do, `IGAA…`) behaves as graph.instagram.com (`/me` is the
 * Instagram account, no batch), any other as graph.facebook.com (`/me` is the
 * Facebook user, `/me/accounts` lists Pages with linked Instagram accounts).
 *
 * What it emulates from Meta's documents: per-type media insights that reject
 * what Meta rejects (removed metrics by version and date, metrics a media type
 * does not have, carousel children, stories under the viewer threshold, media
 * from before the business conversion), account insights with the 30-day
 * window, time series and total values with breakdowns, demographics, cursor
 * paging with `paging.next` (carrying `access_token`, as Meta's do), Graph
 * batch requests, X-App-Usage / X-Business-Use-Case-Usage headers, throttling
 * past a call budget, and the error bodies of codes 4, 10, 100, 190, 200 and
 * 80002.
 *
 * Magic tokens: containing `expired` -> 190/463; `invalid` -> 190;
 * `noinsights` -> (#10) on insights; `nopages` -> (#200) on /me/accounts.
 *
 * Part 2 adds a clock (`control.advance`) and what changes with it: stories
 * listed only for 24 hours (their insights gone with them, navigation split
 * by action), comments and media that arrive over time, hashtag search with
 * Meta's 30 unique hashtags per account per 7 days, hashtag top and recent
 * media, business discovery of other accounts with the nested media paging,
 * and Instagram Login tokens that expire after 60 days and are renewed at
 * `GET /instagram/refresh_access_token` (only once 24 hours old).
 */
import { createHmac } from 'node:crypto';

import { childRandom } from '../fixtures';
import {
	bearerToken,
	queryValue,
	type ModuleContext,
	type Query,
	type SandboxModule,
	type SandboxReply,
	type SandboxRequest,
} from '../server';

export type SandboxMediaKind = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM' | 'REELS' | 'STORY';

export interface InstagramSandboxOptions {
	/** When set, every request must carry appsecret_proof = HMAC-SHA256(token) with this key. */
	appSecret?: string;
	/** Calls per token before usage reaches 100 % and the module throttles. */
	callBudget?: number;
	/** `estimated_time_to_regain_access` (minutes) once throttled. */
	regainMinutes?: number;
	/** Error code once throttled: 4 (app) or 80002 (Instagram business use case). */
	throttleCode?: number;
	/** "Today" for removals by date, YYYY-MM-DD; default the real date. */
	today?: string;
	/** Metrics this emulator refuses for a kind on top of the documented ones (to act out Meta disagreeing with the docs). */
	rejectMetrics?: Partial<Record<SandboxMediaKind, string[]>>;
	/** Every Nth batch sub-request comes back null (timed out). */
	nullSubResponseEvery?: number;
	/** Media of the second account. */
	secondAccountMedia?: number;
	/** The sandbox clock at start, ms; default six hours after the fixtures' epoch (the 4 stories are live). */
	now?: number;
	/** When the fixtures' media, stories and comments are dated from; default 2026-11-01T12:00Z (fixed for tests). */
	epoch?: number;
	/** Order of the comments edge: Meta's own example lists oldest first, some clients see newest first. */
	commentOrder?: 'oldestFirst' | 'newestFirst';
	/** Called before each request is answered: a test acts out records that arrive while a poll runs. */
	onRequest?: (request: { method: string; path: string; query: Query }, control: InstagramSandboxControl) => void;
}

/** Test handle on the emulator: its clock, and records that arrive over time. */
export interface InstagramSandboxControl {
	now(): number;
	advance(ms: number): void;
	setNow(ms: number): void;
	/** A new media of the main account (default: a FEED image posted now); returns its ID. */
	publishMedia(input?: { timestamp?: number; kind?: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM' | 'REELS'; caption?: string }): string;
	/** A new comment on a media (default: posted now); returns its ID. */
	addComment(mediaId: string, input?: { timestamp?: number; text?: string; username?: string }): string;
	/** A new story of the main account (default: posted now); returns its ID. */
	postStory(input?: { timestamp?: number; type?: 'IMAGE' | 'VIDEO'; fewViewers?: boolean }): string;
	/** An Instagram Login token the sandbox knows the age and expiry of. */
	issueToken(input?: { ageMs?: number; lifetimeMs?: number }): string;
	tokenExpiresAt(token: string): number | undefined;
	/** Tokens renewed at /refresh_access_token so far. */
	refreshes(): number;
	/** Unique hashtags the account queried in the last 7 days. */
	hashtagsQueried(accountId: string): string[];
}

export const SANDBOX_IDS = {
	facebookUser: '10150000000000001',
	appScopedUser: '9870000000000001',
	mainAccount: '17841400000000001',
	secondAccount: '17841400000000002',
	pages: ['100000000000001', '100000000000002', '100000000000003'],
} as const;

// Per-kind media metrics as Meta's IG Media Insights reference describes them.
const MEDIA_SUPPORT: Record<SandboxMediaKind, string[]> = {
	IMAGE: ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'follows', 'profile_visits', 'profile_activity'],
	VIDEO: ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'follows', 'profile_visits', 'profile_activity'],
	CAROUSEL_ALBUM: ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'follows', 'profile_visits', 'profile_activity'],
	REELS: ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time'],
	STORY: ['views', 'reach', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'replies', 'navigation'],
};

interface RemovedMetric {
	version: number;
	date: string;
}
const REMOVED_MEDIA: Record<string, RemovedMetric> = {
	impressions: { version: 22, date: '2025-04-21' },
	plays: { version: 22, date: '2025-04-21' },
	clips_replays_count: { version: 22, date: '2025-04-21' },
	ig_reels_aggregated_all_plays_count: { version: 22, date: '2025-04-21' },
	video_views: { version: 21, date: '2025-01-08' },
	engagement: { version: 18, date: '2023-12-11' },
	carousel_album_engagement: { version: 18, date: '2023-12-11' },
	carousel_album_impressions: { version: 18, date: '2023-12-11' },
	carousel_album_reach: { version: 18, date: '2023-12-11' },
	carousel_album_saved: { version: 18, date: '2023-12-11' },
	carousel_album_video_views: { version: 18, date: '2023-12-11' },
	taps_forward: { version: 18, date: '2023-12-11' },
	taps_back: { version: 18, date: '2023-12-11' },
	exits: { version: 18, date: '2023-12-11' },
};

interface AccountMetricRule {
	periods: string[];
	types: Array<'time_series' | 'total_value'>;
	breakdowns: string[];
	demographic?: boolean;
}
const ACCOUNT_RULES: Record<string, AccountMetricRule> = {
	reach: { periods: ['day', 'week', 'days_28'], types: ['time_series', 'total_value'], breakdowns: ['media_product_type', 'follow_type'] },
	follower_count: { periods: ['day'], types: ['time_series'], breakdowns: [] },
	online_followers: { periods: ['lifetime'], types: ['time_series'], breakdowns: [] },
	views: { periods: ['day'], types: ['total_value'], breakdowns: ['follow_type', 'media_product_type'] },
	accounts_engaged: { periods: ['day'], types: ['total_value'], breakdowns: [] },
	total_interactions: { periods: ['day'], types: ['total_value'], breakdowns: ['media_product_type'] },
	likes: { periods: ['day'], types: ['total_value'], breakdowns: ['media_product_type'] },
	comments: { periods: ['day'], types: ['total_value'], breakdowns: ['media_product_type'] },
	shares: { periods: ['day'], types: ['total_value'], breakdowns: ['media_product_type'] },
	saves: { periods: ['day'], types: ['total_value'], breakdowns: ['media_product_type'] },
	replies: { periods: ['day'], types: ['total_value'], breakdowns: ['media_product_type'] },
	reposts: { periods: ['day'], types: ['total_value'], breakdowns: ['media_product_type'] },
	follows_and_unfollows: { periods: ['day'], types: ['total_value'], breakdowns: ['follow_type'] },
	profile_links_taps: { periods: ['day'], types: ['total_value'], breakdowns: ['contact_button_type'] },
	profile_views: { periods: ['day'], types: ['total_value'], breakdowns: [] },
	website_clicks: { periods: ['day'], types: ['total_value'], breakdowns: [] },
	follower_demographics: { periods: ['lifetime'], types: ['total_value'], breakdowns: ['age', 'city', 'country', 'gender'], demographic: true },
	engaged_audience_demographics: { periods: ['lifetime'], types: ['total_value'], breakdowns: ['age', 'city', 'country', 'gender'], demographic: true },
	reached_audience_demographics: { periods: ['lifetime'], types: ['total_value'], breakdowns: ['age', 'city', 'country', 'gender'], demographic: true },
};
const REMOVED_ACCOUNT: Record<string, RemovedMetric & { timeSeriesOnly?: boolean }> = {
	impressions: { version: 22, date: '2025-04-21' },
	audience_gender_age: { version: 18, date: '2023-12-11' },
	audience_locale: { version: 18, date: '2023-12-11' },
	audience_country: { version: 18, date: '2023-12-11' },
	audience_city: { version: 18, date: '2023-12-11' },
	email_contacts: { version: 21, date: '2025-01-08' },
	get_direction_clicks: { version: 21, date: '2025-01-08' },
	phone_call_clicks: { version: 21, date: '2025-01-08' },
	text_message_clicks: { version: 21, date: '2025-01-08' },
	profile_views: { version: 21, date: '2025-01-08', timeSeriesOnly: true },
	website_clicks: { version: 21, date: '2025-01-08', timeSeriesOnly: true },
};

/** Meta's story_navigation_action_type values. */
const NAVIGATION_ACTIONS = ['TAP_FORWARD', 'TAP_BACK', 'TAP_EXIT', 'SWIPE_FORWARD'];

const DIMENSIONS: Record<string, string[]> = {
	age: ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'],
	city: ['London, England', 'Berlin, Berlin', 'Paris, Île-de-France', 'Madrid, Comunidad de Madrid', 'Milan, Lombardy'],
	country: ['GB', 'DE', 'FR', 'ES', 'IT', 'US'],
	gender: ['F', 'M', 'U'],
	media_product_type: ['AD', 'FEED', 'REELS', 'STORY'],
	follow_type: ['FOLLOWER', 'NON_FOLLOWER'],
	contact_button_type: ['BOOK_NOW', 'CALL', 'DIRECTION', 'EMAIL', 'TEXT', 'UNDEFINED'],
};

interface Media {
	id: string;
	owner: string;
	media_type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
	media_product_type: 'FEED' | 'REELS' | 'STORY';
	timestamp: string;
	caption?: string;
	permalink: string;
	shortcode: string;
	media_url: string;
	thumbnail_url?: string;
	like_count?: number;
	comments_count: number;
	username: string;
	is_shared_to_feed?: boolean;
	children: string[];
	/** Posted before the account became a business account: no insights (2108006). */
	beforeConversion?: boolean;
	/** Story with fewer than 5 viewers: (#10). */
	fewViewers?: boolean;
	/** A carousel child: no insights of its own. */
	parent?: string;
}

interface Account {
	id: string;
	username: string;
	name: string;
	biography: string;
	website?: string;
	profile_picture_url: string;
	followers_count: number;
	follows_count: number;
	media: string[];
	stories: string[];
	page: string;
}

interface GraphRequest {
	method: string;
	/** Below the module prefix, e.g. `/v24.0/123/insights`. */
	path: string;
	query: Query;
	token: string;
}

type GraphReply = { status: number; body: unknown };

const HOUR_MS = 3_600_000;
const DAY_S = 86_400;
const EPOCH = Date.UTC(2026, 10, 1, 12, 0, 0);
const DAY_MS = 24 * HOUR_MS;
/** The default sandbox "now": six hours after the epoch, while the fixture stories are live. */
export const SANDBOX_NOW = EPOCH + 6 * HOUR_MS;
const STORY_LIFETIME_MS = DAY_MS;
/** Meta's `expires_in` of a refreshed Instagram Login token (about 60 days). */
export const TOKEN_LIFETIME_S = 5_183_944;
const HASHTAG_LIMIT = 30;
const HASHTAG_WINDOW_MS = 7 * DAY_MS;
/** Public media behind every hashtag of the sandbox. */
const HASHTAG_MEDIA = 80;

interface Comment {
	id: string;
	text: string;
	/** ms */
	timestamp: number;
	username: string;
	like_count: number;
}

interface HashtagMedia {
	id: string;
	caption: string;
	comments_count: number;
	like_count: number;
	media_type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
	media_url: string;
	permalink: string;
	/** ms */
	timestamp: number;
}

/** Other business accounts business discovery finds, by username, and their media count. */
const DISCOVERABLE: Record<string, { name: string; followers: number; media: number; biography: string; website?: string }> = {
	bluebottle: { name: 'Blue Bottle Coffee', followers: 267_793, media: 120, biography: 'Coffee roasters since 2002.', website: 'https://bluebottlecoffee.com/' },
	tiny_bakery: { name: 'Tiny Bakery', followers: 412, media: 3, biography: 'Bread on Saturdays.' },
};
/** Accounts that exist but are personal (business discovery cannot see them). */
const PERSONAL_ACCOUNTS = new Set(['just_a_person']);

function hash(text: string): number {
	let value = 2166136261;
	for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619) >>> 0;
	return value;
}

function metaTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function graphError(
	status: number,
	code: number,
	message: string,
	extra: { subcode?: number; type?: string; isTransient?: boolean; userMessage?: string } = {},
): GraphReply {
	return {
		status,
		body: {
			error: {
				// Meta prefixes most messages with the code, e.g. "(#100) ...".
				message: code === 190 || code === 2500 ? message : `(#${code}) ${message}`,
				type: extra.type ?? 'OAuthException',
				code,
				...(extra.subcode !== undefined ? { error_subcode: extra.subcode } : {}),
				is_transient: extra.isTransient ?? false,
				...(extra.userMessage ? { error_user_msg: extra.userMessage } : {}),
				fbtrace_id: `AsBx${hash(`${code}:${message}`).toString(36)}`,
			},
		},
	};
}

/** `a,b{c,d},e.metric(x,y)` split at top-level commas. */
export function splitFields(value: string | undefined): string[] {
	if (!value) return [];
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const char of value) {
		if (char === '{' || char === '(') depth++;
		if (char === '}' || char === ')') depth--;
		if (char === ',' && depth === 0) {
			if (current.trim()) parts.push(current.trim());
			current = '';
		} else current += char;
	}
	if (current.trim()) parts.push(current.trim());
	return parts;
}

function parseRelativeUrl(relative: string): { path: string; query: Query } {
	const [path, raw = ''] = relative.replace(/^\/+/, '').split(/\?(.*)/s, 2);
	const query: Query = {};
	for (const part of raw.split('&')) {
		if (!part) continue;
		const index = part.indexOf('=');
		const key = decodeURIComponent(index < 0 ? part : part.slice(0, index));
		query[key] = index < 0 ? '' : decodeURIComponent(part.slice(index + 1).replace(/\+/g, ' '));
	}
	return { path: `/${path}`, query };
}

function single(query: Query, name: string): string | undefined {
	const value = query[name];
	return Array.isArray(value) ? value[0] : value;
}

export function createInstagramModule(
	options: InstagramSandboxOptions = {},
): SandboxModule & { control: InstagramSandboxControl } {
	let graph: GraphEmulator | undefined;
	const started = (): GraphEmulator => {
		if (!graph) throw new Error('Start the sandbox with this module first');
		return graph;
	};
	const control: InstagramSandboxControl = {
		now: () => started().clock,
		advance: (ms) => {
			started().clock += ms;
		},
		setNow: (ms) => {
			started().clock = ms;
		},
		publishMedia: (input) => started().publishMedia(input),
		addComment: (mediaId, input) => started().addComment(mediaId, input),
		postStory: (input) => started().postStory(input),
		issueToken: (input) => started().issueToken(input),
		tokenExpiresAt: (token) => started().tokens.get(token)?.expiresAt,
		refreshes: () => started().refreshCount,
		hashtagsQueried: (accountId) => started().hashtagsInWindow(accountId),
	};
	return {
		name: 'Instagram Graph API',
		prefix: '/instagram',
		control,
		routes: (context) => {
			graph = new GraphEmulator(context, options, control);
			const emulator = graph;
			const route = (method: string, path: string) => ({
				method,
				path,
				handler: (request: SandboxRequest) => emulator.handle(request),
			});
			return [
				route('POST', ''),
				route('GET', '/refresh_access_token'),
				route('GET', '/:version/:id/top_media'),
				route('GET', '/:version/:id/recent_media'),
				route('GET', '/:version/me/accounts'),
				route('GET', '/:version/:id/insights'),
				route('GET', '/:version/:id/media'),
				route('GET', '/:version/:id/stories'),
				route('GET', '/:version/:id/comments'),
				route('GET', '/:version/:id/children'),
				route('GET', '/:version/:id'),
			];
		},
	};
}

export const instagramModule: SandboxModule = createInstagramModule();

class GraphEmulator {
	private readonly accounts = new Map<string, Account>();
	private readonly media = new Map<string, Media>();
	private readonly pages: Array<{ id: string; name: string; instagram?: string }> = [];
	private readonly calls = new Map<string, number>();
	private subRequests = 0;
	/** The sandbox clock, ms. */
	clock: number;
	/** The fixtures' epoch, ms. */
	private readonly epoch: number;
	/** Tokens with a known age: issued by `issueToken` or by a refresh. */
	readonly tokens = new Map<string, { issuedAt: number; expiresAt: number }>();
	refreshCount = 0;
	private readonly commentStore = new Map<string, Comment[]>();
	private readonly hashtagQueries = new Map<string, Array<{ name: string; at: number }>>();
	private readonly hashtags = new Map<string, { name: string; media: HashtagMedia[] }>();
	private readonly discoverable = new Map<string, { profile: Record<string, unknown>; media: Array<Record<string, unknown>> }>();
	private nextId = 1;

	constructor(
		private readonly context: ModuleContext,
		private readonly options: InstagramSandboxOptions,
		private readonly control: InstagramSandboxControl,
	) {
		this.epoch = options.epoch ?? EPOCH;
		this.clock = options.now ?? this.epoch + (SANDBOX_NOW - EPOCH);
		this.build();
	}

	private get today(): string {
		return this.options.today ?? new Date().toISOString().slice(0, 10);
	}

	private build(): void {
		const random = childRandom(this.context.seed, 'instagram');
		const main: Account = {
			id: SANDBOX_IDS.mainAccount,
			username: 'sandbox_coffee',
			name: 'Sandbox Coffee',
			biography: 'Small-batch coffee, roasted daily.',
			website: 'https://coffee.example.com/',
			profile_picture_url: 'https://scontent.example.com/sandbox_coffee.jpg',
			followers_count: 12_840,
			follows_count: 312,
			media: [],
			stories: [],
			page: SANDBOX_IDS.pages[0],
		};
		const second: Account = {
			id: SANDBOX_IDS.secondAccount,
			username: 'sandbox_studio',
			name: 'Sandbox Studio',
			biography: 'A tiny studio account with under 100 followers.',
			profile_picture_url: 'https://scontent.example.com/sandbox_studio.jpg',
			followers_count: 87,
			follows_count: 40,
			media: [],
			stories: [],
			page: SANDBOX_IDS.pages[1],
		};
		this.accounts.set(main.id, main);
		this.accounts.set(second.id, second);
		this.pages.push(
			{ id: SANDBOX_IDS.pages[0], name: 'Sandbox Coffee Page', instagram: main.id },
			{ id: SANDBOX_IDS.pages[1], name: 'Sandbox Studio Page', instagram: second.id },
			{ id: SANDBOX_IDS.pages[2], name: 'Page Without Instagram' },
		);
		const newId = (prefix: string) => this.newId(prefix);
		const addMedia = (account: Account, count: number) => {
			for (let index = 0; index < count; index++) {
				const roll = random.next();
				const kind = roll < 0.35 ? 'IMAGE' : roll < 0.5 ? 'VIDEO' : roll < 0.7 ? 'CAROUSEL_ALBUM' : 'REELS';
				const id = newId('1790');
				const shortcode = random.token(11);
				const media: Media = {
					id,
					owner: account.id,
					media_type: kind === 'REELS' ? 'VIDEO' : kind,
					media_product_type: kind === 'REELS' ? 'REELS' : 'FEED',
					timestamp: metaTime(this.epoch - index * 8 * HOUR_MS - random.int(0, 3600) * 1000),
					caption: random.chance(0.9) ? `${random.words(4)} #${random.words(1)}` : undefined,
					permalink: `https://www.instagram.com/${kind === 'REELS' ? 'reel' : 'p'}/${shortcode}/`,
					shortcode,
					media_url: `https://scontent.example.com/${id}.${kind === 'IMAGE' || kind === 'CAROUSEL_ALBUM' ? 'jpg' : 'mp4'}`,
					thumbnail_url: kind === 'VIDEO' || kind === 'REELS' ? `https://scontent.example.com/${id}_thumb.jpg` : undefined,
					like_count: random.chance(0.95) ? random.int(0, 5000) : undefined,
					comments_count: random.int(0, 40),
					username: account.username,
					is_shared_to_feed: kind === 'REELS' ? random.chance(0.7) : undefined,
					children: [],
					beforeConversion: count >= 20 && index >= count - 2,
				};
				if (kind === 'CAROUSEL_ALBUM') {
					for (let child = 0; child < random.int(2, 4); child++) {
						const childId = newId('1791');
						const childType = random.chance(0.7) ? 'IMAGE' : 'VIDEO';
						this.media.set(childId, {
							id: childId,
							owner: account.id,
							media_type: childType,
							media_product_type: 'FEED',
							timestamp: media.timestamp,
							permalink: `https://www.instagram.com/p/${random.token(11)}/`,
							shortcode: random.token(11),
							media_url: `https://scontent.example.com/${childId}.${childType === 'IMAGE' ? 'jpg' : 'mp4'}`,
							comments_count: 0,
							username: account.username,
							children: [],
							parent: id,
						});
						media.children.push(childId);
					}
				}
				this.media.set(id, media);
				account.media.push(id);
			}
		};
		addMedia(main, this.context.size);
		addMedia(second, this.options.secondAccountMedia ?? 5);
		for (let index = 0; index < 4; index++) {
			const id = newId('1792');
			const type = index % 2 === 0 ? 'IMAGE' : 'VIDEO';
			this.media.set(id, {
				id,
				owner: main.id,
				media_type: type,
				media_product_type: 'STORY',
				timestamp: metaTime(this.epoch + (index + 1) * HOUR_MS),
				permalink: `https://instagram.com/stories/${main.username}/${id}/`,
				shortcode: random.token(11),
				media_url: `https://scontent.example.com/${id}.${type === 'IMAGE' ? 'jpg' : 'mp4'}`,
				comments_count: 0,
				username: main.username,
				children: [],
				fewViewers: index === 3,
			});
			main.stories.push(id);
		}
	}

	// -------------------------------------------------------------------------
	// The clock, and records that arrive over time

	private newId(prefix: string): string {
		return `${prefix}${String(this.nextId++).padStart(11, '0')}`;
	}

	private get mainAccount(): Account {
		return this.accounts.get(SANDBOX_IDS.mainAccount)!;
	}

	/** Meta lists a story, and serves its insights, for 24 hours after it was posted. */
	private isLive(story: Media): boolean {
		const posted = Date.parse(story.timestamp);
		return posted <= this.clock && this.clock - posted < STORY_LIFETIME_MS;
	}

	publishMedia(input: { timestamp?: number; kind?: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM' | 'REELS'; caption?: string } = {}): string {
		const account = this.mainAccount;
		const kind = input.kind ?? 'IMAGE';
		const id = this.newId('1793');
		const shortcode = `new${id.slice(-8)}`;
		this.media.set(id, {
			id,
			owner: account.id,
			media_type: kind === 'REELS' ? 'VIDEO' : kind,
			media_product_type: kind === 'REELS' ? 'REELS' : 'FEED',
			timestamp: metaTime(input.timestamp ?? this.clock),
			caption: input.caption ?? `Fresh post ${id.slice(-3)}`,
			permalink: `https://www.instagram.com/${kind === 'REELS' ? 'reel' : 'p'}/${shortcode}/`,
			shortcode,
			media_url: `https://scontent.example.com/${id}.jpg`,
			like_count: 0,
			comments_count: 0,
			username: account.username,
			children: [],
		});
		account.media.push(id);
		// Newest first, as Meta lists them.
		account.media.sort((a, b) => Date.parse(this.media.get(b)!.timestamp) - Date.parse(this.media.get(a)!.timestamp));
		return id;
	}

	addComment(mediaId: string, input: { timestamp?: number; text?: string; username?: string } = {}): string {
		const media = this.media.get(mediaId);
		if (!media) throw new Error(`No media ${mediaId} in the sandbox`);
		const id = this.newId('1801');
		this.commentsOf(media).push({
			id,
			text: input.text ?? `New comment ${id.slice(-3)}`,
			timestamp: input.timestamp ?? this.clock,
			username: input.username ?? 'new_fan',
			like_count: 0,
		});
		return id;
	}

	postStory(input: { timestamp?: number; type?: 'IMAGE' | 'VIDEO'; fewViewers?: boolean } = {}): string {
		const account = this.mainAccount;
		const type = input.type ?? 'IMAGE';
		const id = this.newId('1794');
		this.media.set(id, {
			id,
			owner: account.id,
			media_type: type,
			media_product_type: 'STORY',
			timestamp: metaTime(input.timestamp ?? this.clock),
			permalink: `https://instagram.com/stories/${account.username}/${id}/`,
			shortcode: `story${id.slice(-6)}`,
			media_url: `https://scontent.example.com/${id}.${type === 'IMAGE' ? 'jpg' : 'mp4'}`,
			comments_count: 0,
			username: account.username,
			children: [],
			fewViewers: input.fewViewers,
		});
		account.stories.push(id);
		return id;
	}

	issueToken(input: { ageMs?: number; lifetimeMs?: number } = {}): string {
		const token = `IGAA-sandbox-issued-${this.nextId++}`;
		const issuedAt = this.clock - (input.ageMs ?? 0);
		this.tokens.set(token, { issuedAt, expiresAt: issuedAt + (input.lifetimeMs ?? TOKEN_LIFETIME_S * 1000) });
		return token;
	}

	// -------------------------------------------------------------------------
	// Instagram Login token refresh

	/** `GET /refresh_access_token?grant_type=ig_refresh_token&access_token=…` */
	private refresh(request: SandboxRequest): SandboxReply {
		const answer = (reply: GraphReply): SandboxReply => ({ status: reply.status, body: reply.body });
		const token = queryValue(request, 'access_token');
		if (queryValue(request, 'grant_type') !== 'ig_refresh_token') {
			return answer(graphError(400, 100, 'Invalid parameter grant_type: ig_refresh_token is expected'));
		}
		if (!token) return answer(graphError(400, 100, 'The parameter access_token is required'));
		if (/invalid/i.test(token) || !isInstagramLogin(token)) {
			return answer(graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token'));
		}
		// A token the sandbox did not issue is a long-lived one of 30 days.
		const known = this.tokens.get(token) ?? { issuedAt: this.clock - 30 * DAY_MS, expiresAt: this.clock + 30 * DAY_MS };
		if (/expired/i.test(token) || known.expiresAt <= this.clock) {
			return answer(
				graphError(400, 190, 'Error validating access token: Session has expired. The token cannot be refreshed.', { subcode: 463 }),
			);
		}
		if (this.clock - known.issuedAt < DAY_MS) {
			return answer(graphError(400, 100, 'The access token is too new to be refreshed: it must be at least 24 hours old'));
		}
		const fresh = `IGAA-sandbox-refreshed-${this.nextId++}`;
		this.tokens.set(fresh, { issuedAt: this.clock, expiresAt: this.clock + TOKEN_LIFETIME_S * 1000 });
		this.refreshCount++;
		return { status: 200, body: { access_token: fresh, token_type: 'bearer', expires_in: TOKEN_LIFETIME_S } };
	}

	// -------------------------------------------------------------------------
	// Hashtags (Facebook Login only)

	hashtagsInWindow(accountId: string): string[] {
		const since = this.clock - HASHTAG_WINDOW_MS;
		return [...new Set((this.hashtagQueries.get(accountId) ?? []).filter((query) => query.at > since).map((query) => query.name))];
	}

	private hashtagUser(request: GraphRequest, ig: boolean): GraphReply | Account {
		if (ig) return graphError(400, 3, 'Application does not have the capability to make this API call.');
		const userId = single(request.query, 'user_id');
		if (!userId) return graphError(400, 100, 'The parameter user_id is required');
		return this.accounts.get(userId) ?? unsupportedGet(userId);
	}

	/** `GET /ig_hashtag_search?user_id=…&q=…`, counting unique hashtags per account over 7 days. */
	private hashtagSearch(request: GraphRequest): GraphReply {
		const user = this.hashtagUser(request, isInstagramLogin(request.token));
		if ('status' in user) return user;
		const name = (single(request.query, 'q') ?? '').trim().replace(/^#/, '').toLowerCase();
		if (!name) return graphError(400, 100, 'The parameter q is required');
		const queried = this.hashtagsInWindow(user.id);
		if (!queried.includes(name) && queried.length >= HASHTAG_LIMIT) {
			return graphError(400, 24, 'The user has reached the limit of 30 unique hashtags searched in the past 7 days', {
				subcode: 2207024,
				userMessage: 'You can search up to 30 unique hashtags within a 7 day period.',
			});
		}
		const queries = this.hashtagQueries.get(user.id) ?? [];
		queries.push({ name, at: this.clock });
		this.hashtagQueries.set(user.id, queries);
		if (/^zz/.test(name)) return { status: 200, body: { data: [] } };
		const id = `178438${String(hash(`hashtag:${name}`) % 100_000_000_000).padStart(11, '0')}`;
		if (!this.hashtags.has(id)) this.hashtags.set(id, { name, media: this.hashtagMediaOf(name) });
		return { status: 200, body: { data: [{ id }] } };
	}

	private hashtagMediaOf(name: string): HashtagMedia[] {
		const random = childRandom(hash(name), 'hashtag');
		return Array.from({ length: HASHTAG_MEDIA }, (_, index) => {
			const id = `1796${String(hash(`${name}:${index}`) % 100_000_000_000).padStart(11, '0')}`;
			const type = random.pick(['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM'] as const);
			return {
				id,
				caption: `${random.words(3)} #${name}`,
				comments_count: random.int(0, 300),
				like_count: random.int(0, 20_000),
				media_type: type,
				media_url: `https://scontent.example.com/${id}.${type === 'VIDEO' ? 'mp4' : 'jpg'}`,
				permalink: `https://www.instagram.com/p/${random.token(11)}/`,
				timestamp: this.clock - index * 45 * 60_000,
			};
		});
	}

	/** `GET /{hashtag-id}/top_media|recent_media?user_id=…&fields=…`: recent media are those of the last 24 hours. */
	private hashtagMedia(id: string, edge: 'top_media' | 'recent_media', request: GraphRequest, ig: boolean): GraphReply {
		const user = this.hashtagUser(request, ig);
		if ('status' in user) return user;
		const hashtag = this.hashtags.get(id)!;
		const media =
			edge === 'top_media'
				? [...hashtag.media].sort((a, b) => b.like_count - a.like_count)
				: hashtag.media.filter((item) => item.timestamp <= this.clock && this.clock - item.timestamp < DAY_MS);
		const rows = media.map((item) => pick({ ...item, timestamp: metaTime(item.timestamp) }, request.query, ['id']));
		return this.page(rows, request, `${id}/${edge}`, `GET /instagram/:version/:id/${edge}`, 25, 50);
	}

	// -------------------------------------------------------------------------
	// Business discovery (Facebook Login only)

	private discoverableAccount(username: string): { profile: Record<string, unknown>; media: Array<Record<string, unknown>> } | undefined {
		const known = this.discoverable.get(username);
		if (known) return known;
		const own = [...this.accounts.values()].find((account) => account.username === username);
		const spec = DISCOVERABLE[username];
		if (!own && !spec) return undefined;
		const random = childRandom(hash(username), 'discovery');
		const id = own?.id ?? `178414${String(hash(username) % 100_000_000_000).padStart(11, '0')}`;
		const count = own ? own.media.length : spec.media;
		const media = Array.from({ length: count }, (_, index) => {
			const mediaId = `1795${String(hash(`${username}:${index}`) % 100_000_000_000).padStart(11, '0')}`;
			const reel = random.chance(0.3);
			return {
				id: mediaId,
				caption: `${random.words(4)} #${random.words(1)}`,
				like_count: random.int(0, 9000),
				comments_count: random.int(0, 400),
				timestamp: metaTime(this.epoch - index * 12 * HOUR_MS),
				media_type: reel ? 'VIDEO' : random.pick(['IMAGE', 'CAROUSEL_ALBUM']),
				media_product_type: reel ? 'REELS' : 'FEED',
				permalink: `https://www.instagram.com/p/${random.token(11)}/`,
			};
		});
		const profile: Record<string, unknown> = {
			id,
			username,
			name: own?.name ?? spec.name,
			biography: own?.biography ?? spec.biography,
			website: own?.website ?? spec?.website,
			followers_count: own?.followers_count ?? spec.followers,
			media_count: count,
			profile_picture_url: `https://scontent.example.com/${username}.jpg`,
		};
		const entry = { profile, media };
		this.discoverable.set(username, entry);
		return entry;
	}

	/** `GET /{ig-user-id}?fields=business_discovery.username(x){…,media.after(c).limit(n){…}}` */
	private businessDiscovery(account: Account, request: GraphRequest, expression: string, ig: boolean): GraphReply {
		if (ig) return graphError(400, 100, 'Tried accessing nonexisting field (business_discovery) on node type (User)');
		const match = /^business_discovery\.username\(([^)]*)\)(?:\{(.*)\})?$/s.exec(expression);
		if (!match) return graphError(400, 100, `Syntax error in the field business_discovery: ${expression}`);
		const username = match[1];
		const target = PERSONAL_ACCOUNTS.has(username) ? undefined : this.discoverableAccount(username);
		if (!target) {
			return graphError(400, 110, 'Invalid user id', {
				subcode: 2207013,
				userMessage: `The Instagram account @${username} cannot be found, or is not a business or creator account.`,
			});
		}
		const inner = splitFields(match[2] ?? 'id');
		const result: Record<string, unknown> = { id: target.profile.id };
		const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
		for (const field of inner) {
			const media = /^media((?:\.(?:after|before|limit)\([^)]*\))*)(?:\{(.*)\})?$/s.exec(field);
			if (!media) {
				if (target.profile[field] !== undefined) result[field] = target.profile[field];
				continue;
			}
			const after = /\.after\(([^)]*)\)/.exec(media[1])?.[1];
			const limit = Math.max(1, Math.min(100, Number(/\.limit\((\d+)\)/.exec(media[1])?.[1] ?? 25)));
			const start = after ? Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^offset:/, '')) || 0 : 0;
			const nested = splitFields(media[2] ?? 'id');
			const data = target.media.slice(start, start + limit).map((item) => pick(item, { fields: nested.join(',') }, ['id']));
			const end = start + data.length;
			const paging: Record<string, unknown> = { cursors: { before: encode(start), after: encode(end) } };
			const cursor = this.context.cursor('GET /instagram/:version/:id business_discovery', end < target.media.length ? encode(end) : undefined);
			if (cursor) {
				const nextExpression = `business_discovery.username(${username}){${inner
					.map((part) => (part === field ? `media.after(${cursor}).limit(${limit})${media[2] ? `{${media[2]}}` : ''}` : part))
					.join(',')}}`;
				const version = request.path.split('/')[1];
				paging.next = `${this.context.baseUrl()}/${version}/${account.id}?${new URLSearchParams({ fields: nextExpression, access_token: request.token }).toString()}`;
			}
			result.media = { data, paging };
		}
		return { status: 200, body: { business_discovery: result, id: account.id } };
	}

	// -------------------------------------------------------------------------

	async handle(request: SandboxRequest): Promise<SandboxReply> {
		this.options.onRequest?.({ method: request.method, path: request.path, query: request.query }, this.control);
		if (request.path === '/refresh_access_token') return this.refresh(request);
		const token = bearerToken(request) ?? queryValue(request, 'access_token') ?? bodyValue(request.body, 'access_token');
		const headers = (): Record<string, string> => this.usageHeaders(token);
		const check = this.checkAuth(token, queryValue(request, 'appsecret_proof') ?? bodyValue(request.body, 'appsecret_proof'));
		if (check) return { status: check.status, body: check.body, headers: headers() };
		if (request.method === 'POST') {
			const reply = this.batch(request, token!);
			return { ...reply, headers: headers() };
		}
		const reply = this.count(token!) ?? this.dispatch({ method: request.method, path: request.path, query: request.query, token: token! });
		return { status: reply.status, body: reply.body, headers: headers() };
	}

	private checkAuth(token: string | undefined, proof: string | undefined): GraphReply | undefined {
		if (!token) {
			return graphError(400, 2500, 'An active access token must be used to query information about the current user.');
		}
		if (/expired/i.test(token)) {
			return graphError(
				400,
				190,
				'Error validating access token: Session has expired on Friday, 20-Nov-26 10:00:00 PST. The current time is Sunday, 22-Nov-26 00:00:00 PST.',
				{ subcode: 463 },
			);
		}
		if (/invalid/i.test(token)) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
		const known = this.tokens.get(token);
		if (known && known.expiresAt <= this.clock) {
			return graphError(
				400,
				190,
				`Error validating access token: Session has expired on ${new Date(known.expiresAt).toUTCString()}. The current time is ${new Date(this.clock).toUTCString()}.`,
				{ subcode: 463 },
			);
		}
		if (this.options.appSecret) {
			const expected = createHmac('sha256', this.options.appSecret).update(token).digest('hex');
			if (!proof) return graphError(400, 100, 'API calls from the server require an appsecret_proof argument');
			if (proof !== expected) return graphError(400, 100, 'Invalid appsecret_proof provided in the API argument');
		}
		return undefined;
	}

	/** The throttling error once the token's calls are past the budget. */
	private throttled(token: string): GraphReply | undefined {
		const budget = this.options.callBudget;
		if (budget === undefined || (this.calls.get(token) ?? 0) <= budget) return undefined;
		const code = this.options.throttleCode ?? 80002;
		return code === 4
			? graphError(400, 4, 'Application request limit reached', { isTransient: true })
			: graphError(400, code, 'There have been too many calls to this Instagram account. Wait a bit and try again.', {
					isTransient: true,
				});
	}

	/** Counts one call for the token (a batch counts each sub-request); past the budget it is throttled. */
	private count(token: string): GraphReply | undefined {
		this.calls.set(token, (this.calls.get(token) ?? 0) + 1);
		return this.throttled(token);
	}

	private usageHeaders(token: string | undefined): Record<string, string> {
		const budget = this.options.callBudget ?? 100_000;
		const used = token ? (this.calls.get(token) ?? 0) : 0;
		const percent = Math.min(100, Math.floor((used / budget) * 100));
		const throttled = used > budget;
		return {
			'x-app-usage': JSON.stringify({ call_count: percent, total_time: Math.floor(percent / 2), total_cputime: Math.floor(percent / 3) }),
			'x-business-use-case-usage': JSON.stringify({
				[SANDBOX_IDS.mainAccount]: [
					{
						type: 'instagram',
						call_count: percent,
						total_cputime: Math.floor(percent / 3),
						total_time: Math.floor(percent / 2),
						estimated_time_to_regain_access: throttled ? (this.options.regainMinutes ?? 1) : 0,
					},
				],
			}),
			'x-fb-trace-id': `Sb${hash(`${token}:${used}`).toString(36)}`,
		};
	}

	private batch(request: SandboxRequest, token: string): GraphReply {
		if (isInstagramLogin(token)) {
			return graphError(400, 100, 'Batch requests are not supported on this host');
		}
		const body = (request.body ?? {}) as Record<string, unknown>;
		let batch: unknown = body.batch;
		if (typeof batch === 'string') {
			try {
				batch = JSON.parse(batch);
			} catch {
				return graphError(400, 100, 'The parameter batch must be a JSON array');
			}
		}
		if (!Array.isArray(batch)) return graphError(400, 100, 'The parameter batch is required');
		if (batch.length > 50) return graphError(400, 100, 'Too many requests in batch message. Maximum batch size is 50');
		const includeHeaders = String(body.include_headers ?? 'true') !== 'false';
		const throttled = this.throttled(token);
		if (throttled) return throttled;
		const responses = batch.map((entry) => {
			const sub = (entry ?? {}) as { method?: string; relative_url?: string };
			this.subRequests++;
			if (this.options.nullSubResponseEvery && this.subRequests % this.options.nullSubResponseEvery === 0) return null;
			const relative = parseRelativeUrl(String(sub.relative_url ?? ''));
			const reply =
				this.count(token) ??
				(String(sub.method ?? 'GET').toUpperCase() !== 'GET'
					? graphError(400, 100, 'Only GET is emulated in batch requests')
					: this.dispatch({ method: 'GET', path: relative.path, query: relative.query, token }));
			return {
				code: reply.status,
				...(includeHeaders ? { headers: [{ name: 'Content-Type', value: 'application/json; charset=UTF-8' }] } : {}),
				body: JSON.stringify(reply.body),
			};
		});
		return { status: 200, body: responses };
	}

	private dispatch(request: GraphRequest): GraphReply {
		const segments = request.path.replace(/^\/+|\/+$/g, '').split('/');
		const [version, rawId, edge, ...rest] = segments;
		const versionMatch = /^v(\d{1,2})\.(\d)$/.exec(version ?? '');
		if (!versionMatch) {
			return graphError(400, 2500, `Unknown path components: /${segments.join('/')}`);
		}
		const versionNumber = Number(`${versionMatch[1]}.${versionMatch[2]}`);
		if (!rawId || rest.length) return graphError(400, 2500, `Unknown path components: /${segments.slice(1).join('/')}`);
		const ig = isInstagramLogin(request.token);
		if (rawId === 'me' && !ig) {
			if (!edge) return { status: 200, body: pick({ id: SANDBOX_IDS.facebookUser, name: 'Sandbox Owner' }, request.query, ['id', 'name']) };
			if (edge === 'accounts') return this.pagesOfUser(request);
			return graphError(400, 100, `Tried accessing nonexisting field (${edge}) on node type (User)`);
		}
		if (rawId === 'ig_hashtag_search' && !edge) return this.hashtagSearch(request);
		const id = rawId === 'me' || rawId === SANDBOX_IDS.appScopedUser ? SANDBOX_IDS.mainAccount : rawId;
		const account = this.accounts.get(id);
		if (account) {
			if (ig && account.id !== SANDBOX_IDS.mainAccount) return unsupportedGet(rawId);
			switch (edge) {
				case undefined: {
					const discovery = splitFields(single(request.query, 'fields')).find((field) => field.startsWith('business_discovery'));
					if (discovery) return this.businessDiscovery(account, request, discovery, ig);
					return { status: 200, body: this.accountFields(account, request.query, rawId === 'me' && ig) };
				}
				case 'media':
					return this.listMedia(account, request);
				case 'stories':
					return this.listIds(
						account.stories.filter((id) => this.isLive(this.media.get(id)!)),
						request,
						`${account.id}/stories`,
					);
				case 'insights':
					return this.accountInsights(account, request, versionNumber);
				default:
					return graphError(400, 100, `Tried accessing nonexisting field (${edge}) on node type (IGUser)`);
			}
		}
		const hashtag = this.hashtags.get(id);
		if (hashtag && (edge === 'top_media' || edge === 'recent_media')) return this.hashtagMedia(id, edge, request, ig);
		const media = this.media.get(id);
		if (media) {
			if (media.media_product_type === 'STORY' && !this.isLive(media)) return unsupportedGet(rawId);
			switch (edge) {
				case undefined:
					return { status: 200, body: this.mediaFields(media, request.query) };
				case 'insights':
					return this.mediaInsights(media, request, versionNumber);
				case 'children':
					return {
						status: 200,
						body: { data: media.children.map((child) => this.mediaFields(this.media.get(child)!, request.query, ['id'])) },
					};
				case 'comments':
					return this.comments(media, request);
				default:
					return graphError(400, 100, `Tried accessing nonexisting field (${edge}) on node type (IGMedia)`);
			}
		}
		return unsupportedGet(rawId);
	}

	private pagesOfUser(request: GraphRequest): GraphReply {
		if (/nopages/i.test(request.token)) {
			return graphError(403, 200, 'Requires pages_show_list permission to manage the object');
		}
		const fields = splitFields(single(request.query, 'fields'));
		const igFields = fields.find((field) => field.startsWith('instagram_business_account'));
		const nested = igFields ? splitFields(/\{(.*)\}/.exec(igFields)?.[1]) : ['id'];
		const rows = this.pages.map((page) => {
			const row: Record<string, unknown> = { id: page.id };
			if (fields.includes('name')) row.name = page.name;
			if (igFields && page.instagram) {
				row.instagram_business_account = this.accountFields(this.accounts.get(page.instagram)!, { fields: nested.join(',') }, false);
			}
			return row;
		});
		return this.page(rows, request, 'me/accounts', 'GET /instagram/:version/me/accounts', 25);
	}

	private accountFields(account: Account, query: Query, viaMe: boolean): Record<string, unknown> {
		const all: Record<string, unknown> = {
			id: viaMe ? SANDBOX_IDS.appScopedUser : account.id,
			user_id: account.id,
			ig_id: 5_000_000_000 + (hash(account.id) % 1_000_000),
			username: account.username,
			name: account.name,
			biography: account.biography,
			website: account.website,
			profile_picture_url: account.profile_picture_url,
			followers_count: account.followers_count,
			follows_count: account.follows_count,
			media_count: account.media.length,
		};
		return pick(all, query, ['id']);
	}

	private mediaFields(media: Media, query: Query, defaults = ['id']): Record<string, unknown> {
		const requested = splitFields(single(query, 'fields'));
		const fields = requested.length ? requested : defaults;
		const row: Record<string, unknown> = {};
		for (const field of fields) {
			const name = field.split(/[{.(]/, 1)[0];
			switch (name) {
				case 'children':
					if (media.children.length) {
						const nested = splitFields(/\{(.*)\}/.exec(field)?.[1]) ;
						row.children = { data: media.children.map((child) => this.mediaFields(this.media.get(child)!, { fields: nested.join(',') })) };
					}
					break;
				case 'owner':
					row.owner = { id: media.owner };
					break;
				case 'children_count':
					break;
				case 'comments_count':
					row.comments_count = media.parent || media.media_product_type === 'STORY' ? media.comments_count : this.visibleComments(media).length;
					break;
				default: {
					const value = (media as unknown as Record<string, unknown>)[name];
					if (value !== undefined && !['beforeConversion', 'fewViewers', 'parent'].includes(name)) row[name] = value;
				}
			}
		}
		if (!('id' in row)) row.id = media.id;
		return row;
	}

	private listMedia(account: Account, request: GraphRequest): GraphReply {
		const since = Number(single(request.query, 'since') ?? Number.NEGATIVE_INFINITY);
		const until = Number(single(request.query, 'until') ?? Number.POSITIVE_INFINITY);
		const rows = account.media
			.map((id) => this.media.get(id)!)
			.filter((media) => {
				const seconds = Date.parse(media.timestamp) / 1000;
				return seconds >= since && seconds <= until && seconds * 1000 <= this.clock;
			})
			.map((media) => this.mediaFields(media, request.query));
		return this.page(rows, request, `${account.id}/media`, 'GET /instagram/:version/:id/media', 25);
	}

	private listIds(ids: string[], request: GraphRequest, path: string): GraphReply {
		return this.page(
			ids.map((id) => this.mediaFields(this.media.get(id)!, request.query)),
			request,
			path,
			'GET /instagram/:version/:id/stories',
			25,
		);
	}

	/** The comments of a media: generated once (deterministic), plus those added since. */
	private commentsOf(media: Media): Comment[] {
		let comments = this.commentStore.get(media.id);
		if (!comments) {
			const random = childRandom(hash(media.id), 'comments');
			comments = Array.from({ length: media.comments_count }, (_, index) => ({
				id: `1800${String(hash(`${media.id}:${index}`)).padStart(11, '0')}`,
				text: random.words(5),
				timestamp: Date.parse(media.timestamp) + (index + 1) * 600_000,
				username: `fan_${random.int(1, 999)}`,
				like_count: random.int(0, 25),
			}));
			this.commentStore.set(media.id, comments);
		}
		return comments;
	}

	/** Comments already posted at the sandbox's "now", oldest first. */
	private visibleComments(media: Media): Comment[] {
		return this.commentsOf(media)
			.filter((comment) => comment.timestamp <= this.clock)
			.sort((a, b) => a.timestamp - b.timestamp || a.id.localeCompare(b.id));
	}

	private comments(media: Media, request: GraphRequest): GraphReply {
		const visible = this.visibleComments(media);
		const ordered = this.options.commentOrder === 'newestFirst' ? [...visible].reverse() : visible;
		const rows = ordered.map((comment) => ({ ...comment, timestamp: metaTime(comment.timestamp) }));
		const fields = splitFields(single(request.query, 'fields'));
		const shaped = rows.map((row) =>
			fields.length ? Object.fromEntries(Object.entries(row).filter(([key]) => key === 'id' || fields.includes(key))) : { id: row.id, text: row.text, timestamp: row.timestamp },
		);
		return this.page(shaped, request, `${media.id}/comments`, 'GET /instagram/:version/:id/comments', 25);
	}

	/** Cursor paging as Meta writes it: `paging.cursors` and a `next` URL that carries the token. */
	private page(rows: unknown[], request: GraphRequest, path: string, routeKey: string, defaultLimit: number, maxLimit = 100): GraphReply {
		const limit = Math.max(1, Math.min(maxLimit, Number(single(request.query, 'limit') ?? defaultLimit) || defaultLimit));
		const after = single(request.query, 'after');
		const start = after ? Number(Buffer.from(after, 'base64').toString('utf8').replace(/^offset:/, '')) || 0 : 0;
		const data = rows.slice(start, start + limit);
		const end = start + data.length;
		const computed = end < rows.length ? Buffer.from(`offset:${end}`).toString('base64') : undefined;
		const cursor = this.context.cursor(routeKey, computed);
		const paging: Record<string, unknown> = {
			cursors: { before: Buffer.from(`offset:${start}`).toString('base64'), after: Buffer.from(`offset:${end}`).toString('base64') },
		};
		if (cursor) {
			const query: Record<string, string> = {};
			for (const [key, value] of Object.entries(request.query)) {
				if (key !== 'after' && key !== 'access_token') query[key] = Array.isArray(value) ? value[0] : value;
			}
			query.limit = String(limit);
			query.after = cursor;
			query.access_token = request.token;
			const version = request.path.split('/')[1];
			paging.next = `${this.context.baseUrl()}/${version}/${path}?${new URLSearchParams(query).toString()}`;
		}
		return { status: 200, body: { data, paging } };
	}

	private isRemoved(removed: RemovedMetric, versionNumber: number): boolean {
		return versionNumber >= removed.version || this.today >= removed.date;
	}

	private mediaInsights(media: Media, request: GraphRequest, versionNumber: number): GraphReply {
		if (/noinsights/i.test(request.token)) return graphError(403, 10, 'Application does not have permission for this action');
		const metrics = splitFields(single(request.query, 'metric'));
		if (!metrics.length) return graphError(400, 100, 'The parameter metric is required');
		if (media.parent) return graphError(400, 100, 'Insights are not available for carousel album children; query the parent album');
		const kind: SandboxMediaKind =
			media.media_product_type === 'STORY' ? 'STORY' : media.media_product_type === 'REELS' ? 'REELS' : media.media_type;
		const known = new Set([...Object.values(MEDIA_SUPPORT).flat(), ...Object.keys(REMOVED_MEDIA)]);
		for (const [index, metric] of metrics.entries()) {
			if (!known.has(metric)) {
				return graphError(400, 100, `metric[${index}] must be one of the following values: ${[...new Set(Object.values(MEDIA_SUPPORT).flat())].join(', ')}`);
			}
			const removed = REMOVED_MEDIA[metric];
			if (removed && this.isRemoved(removed, versionNumber)) {
				return versionNumber >= removed.version
					? graphError(400, 100, `Starting from version ${removed.version} and above, the ${metric} metric is no longer supported for the queried media`)
					: graphError(400, 100, `The ${metric} metric is no longer supported since ${removed.date}`);
			}
			if (!removed && (!MEDIA_SUPPORT[kind].includes(metric) || this.options.rejectMetrics?.[kind]?.includes(metric))) {
				return graphError(400, 100, `The Media Insights API does not support the ${metric} metric for this media product type`);
			}
		}
		if (media.beforeConversion) {
			return graphError(400, 100, 'Media Posted Before Business Account Conversion', { subcode: 2108006 });
		}
		const breakdown = single(request.query, 'breakdown');
		if (breakdown) {
			const allowed = breakdown === 'story_navigation_action_type' && kind === 'STORY' && metrics.every((metric) => metric === 'navigation');
			if (!allowed) {
				return graphError(400, 100, `The breakdown ${breakdown} is not supported for the metric ${metrics.find((metric) => metric !== 'navigation') ?? metrics[0]}`);
			}
		}
		if (media.fewViewers) return graphError(400, 10, 'Not enough viewers for the media to show insights');
		if (breakdown) {
			const results = NAVIGATION_ACTIONS.map((action) => ({
				dimension_values: [action],
				value: this.mediaValue(media, `navigation:${action}`),
			}));
			return {
				status: 200,
				body: {
					data: [
						{
							name: 'navigation',
							period: 'lifetime',
							title: 'Navigation',
							description: 'Taps forward and back, exits and swipes on the story',
							total_value: {
								value: results.reduce((sum, result) => sum + result.value, 0),
								breakdowns: [{ dimension_keys: ['story_navigation_action_type'], results }],
							},
							id: `${media.id}/insights/navigation/lifetime`,
						},
					],
				},
			};
		}
		return {
			status: 200,
			body: {
				data: metrics.map((metric) => ({
					name: metric,
					period: 'lifetime',
					values: [{ value: this.mediaValue(media, metric) }],
					title: metric.replace(/_/g, ' '),
					description: `The ${metric.replace(/_/g, ' ')} of the media`,
					id: `${media.id}/insights/${metric}/lifetime`,
				})),
			},
		};
	}

	/** Deterministic values per media and metric; a story's grow with its age, to full at 24 hours. */
	mediaValue(media: Media, metric: string): number {
		if (media.media_product_type === 'STORY') {
			const age = Math.max(0, Math.min(STORY_LIFETIME_MS, this.clock - Date.parse(media.timestamp)));
			return Math.round(((hash(`${media.id}:${metric}`) % 200) + 4) * (0.25 + (0.75 * age) / STORY_LIFETIME_MS));
		}
		const base = (hash(`${media.id}:${metric}`) % 900) + 10;
		if (metric === 'ig_reels_avg_watch_time') return 2000 + (hash(media.id) % 9000);
		if (metric === 'ig_reels_video_view_total_time') return base * 4100;
		if (metric === 'views') return base * 3;
		return base;
	}

	private accountInsights(account: Account, request: GraphRequest, versionNumber: number): GraphReply {
		if (/noinsights/i.test(request.token)) return graphError(403, 10, 'Application does not have permission for this action');
		const metrics = splitFields(single(request.query, 'metric'));
		if (!metrics.length) return graphError(400, 100, 'The parameter metric is required');
		const period = single(request.query, 'period');
		const metricType = single(request.query, 'metric_type') ?? 'default';
		const breakdowns = splitFields(single(request.query, 'breakdown'));
		const timeframe = single(request.query, 'timeframe');
		for (const [index, metric] of metrics.entries()) {
			const removed = REMOVED_ACCOUNT[metric];
			if (removed && (!removed.timeSeriesOnly || metricType !== 'total_value') && this.isRemoved(removed, versionNumber)) {
				if (removed.timeSeriesOnly) {
					return graphError(400, 100, `The ${metric} metric is only supported with metric_type=total_value`);
				}
				return versionNumber >= removed.version
					? graphError(400, 100, `Starting from version ${removed.version} and above, the ${metric} metric is no longer supported for the queried user`)
					: graphError(400, 100, `The ${metric} metric is no longer supported`);
			}
			const rule = ACCOUNT_RULES[metric];
			if (!rule) return graphError(400, 100, `metric[${index}] must be one of the following values: ${Object.keys(ACCOUNT_RULES).join(', ')}`);
			if (!period) return graphError(400, 100, 'The parameter period is required');
			if (!rule.periods.includes(period)) {
				return graphError(400, 100, `The following metrics (${metric}) should be specified with parameter period=${rule.periods.join(' or ')}`);
			}
			const type = metricType === 'default' ? rule.types[0] : metricType;
			if (!rule.types.includes(type as 'time_series' | 'total_value')) {
				return graphError(400, 100, `The following metrics (${metric}) should be specified with parameter metric_type=${rule.types.join(' or ')}`);
			}
			for (const breakdown of breakdowns) {
				if (type !== 'total_value') return graphError(400, 100, 'breakdown is only supported with metric_type=total_value');
				if (!rule.breakdowns.includes(breakdown)) {
					return graphError(400, 100, `The breakdown ${breakdown} is not supported for the metric ${metric}`);
				}
			}
			if (rule.demographic) {
				if (!breakdowns.length) return graphError(400, 100, 'The parameter breakdown is required for demographic metrics');
				if (timeframe && !['this_week', 'this_month'].includes(timeframe)) {
					return graphError(400, 100, `timeframe must be one of the following values: this_week, this_month`);
				}
			}
		}
		const nowSeconds = Math.floor(Date.parse(`${this.today}T00:00:00Z`) / 1000);
		const until = Number(single(request.query, 'until') ?? nowSeconds);
		const since = Number(single(request.query, 'since') ?? until - 2 * DAY_S);
		if (!Number.isFinite(since) || !Number.isFinite(until) || since > until) {
			return graphError(400, 100, 'The since and until parameters must be UNIX timestamps with since before until');
		}
		if (until - since > 30 * DAY_S) {
			return graphError(400, 100, 'There cannot be more than 30 days (2592000 s) between since and until');
		}
		const small = account.followers_count < 100;
		const data: unknown[] = [];
		for (const metric of metrics) {
			const rule = ACCOUNT_RULES[metric];
			const type = metricType === 'default' ? rule.types[0] : metricType;
			const entry = {
				name: metric,
				period,
				title: metric.replace(/_/g, ' '),
				description: `The ${metric.replace(/_/g, ' ')} of the account`,
				id: `${account.id}/insights/${metric}/${period}`,
			};
			if (rule.demographic) {
				const keys = breakdowns;
				const combos = keys.reduce<string[][]>(
					(all, key) => all.flatMap((prefix) => DIMENSIONS[key].map((value) => [...prefix, value])),
					[[]],
				);
				const results = small
					? []
					: combos.map((values) => ({ dimension_values: values, value: (hash(`${account.id}:${metric}:${timeframe}:${values.join('|')}`) % 400) + 1 }));
				data.push({ ...entry, total_value: { breakdowns: [{ dimension_keys: keys, results }] } });
				continue;
			}
			if (type === 'time_series') {
				if (small && (metric === 'follower_count' || metric === 'online_followers')) continue;
				const values: unknown[] = [];
				for (let day = Math.floor(since / DAY_S) * DAY_S; day < until; day += DAY_S) {
					const endTime = metaTime((day + DAY_S) * 1000 + 7 * HOUR_MS);
					if (metric === 'online_followers') {
						values.push({
							value: Object.fromEntries(Array.from({ length: 24 }, (_, hour) => [String(hour), hash(`${account.id}:${day}:${hour}`) % 300])),
							end_time: endTime,
						});
					} else {
						values.push({ value: this.dayValue(account, metric, day), end_time: endTime });
					}
				}
				data.push({ ...entry, values });
				continue;
			}
			let total = 0;
			for (let day = Math.floor(since / DAY_S) * DAY_S; day < until; day += DAY_S) total += this.dayValue(account, metric, day);
			const totalValue: Record<string, unknown> = { value: total };
			if (breakdowns.length) {
				const key = breakdowns[0];
				totalValue.breakdowns = [
					{
						dimension_keys: [key],
						results: DIMENSIONS[key].map((value) => ({
							dimension_values: [value],
							value: Math.floor(total / DIMENSIONS[key].length) + (hash(`${metric}:${value}`) % 7),
						})),
					},
				];
			}
			data.push({ ...entry, total_value: totalValue });
		}
		const base = `${this.context.baseUrl()}/${request.path.split('/')[1]}/${account.id}/insights`;
		const pagingQuery = (from: number, to: number) => {
			const query = new URLSearchParams();
			for (const [key, value] of Object.entries(request.query)) {
				if (!['since', 'until', 'access_token'].includes(key)) query.set(key, Array.isArray(value) ? value[0] : value);
			}
			query.set('access_token', request.token);
			query.set('since', String(from));
			query.set('until', String(to));
			return `${base}?${query.toString()}`;
		};
		const span = until - since;
		return {
			status: 200,
			body: {
				data,
				...(metricType === 'total_value' || ACCOUNT_RULES[metrics[0]]?.demographic
					? {}
					: { paging: { previous: pagingQuery(since - span, since), next: pagingQuery(until, until + span) } }),
			},
		};
	}

	private dayValue(account: Account, metric: string, daySeconds: number): number {
		return (hash(`${account.id}:${metric}:${daySeconds}`) % 500) + (metric === 'follower_count' ? 0 : 50);
	}
}

function isInstagramLogin(token: string): boolean {
	return /^IG/.test(token);
}

function unsupportedGet(id: string): GraphReply {
	return graphError(
		400,
		100,
		`Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
		{ subcode: 33, type: 'GraphMethodException' },
	);
}

function pick(all: Record<string, unknown>, query: Query, defaults: string[]): Record<string, unknown> {
	const fields = splitFields(single(query, 'fields'));
	const wanted = fields.length ? fields : defaults;
	const row: Record<string, unknown> = {};
	for (const field of wanted) if (all[field] !== undefined) row[field] = all[field];
	if (!('id' in row) && all.id !== undefined) row.id = all.id;
	return row;
}

function bodyValue(body: unknown, name: string): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const value = (body as Record<string, unknown>)[name];
	return typeof value === 'string' ? value : undefined;
}
