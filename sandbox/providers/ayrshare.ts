/**
 * Ayrshare emulator, mounted at `/ayrshare`: a credential Base URL of
 * `<sandbox>/ayrshare/api` serves `/ayrshare/api/analytics/post` and so on.
 *
 * Routes (all below `/api`): `GET /user`, `POST /analytics/post` (by Ayrshare
 * post ID, or by social post ID with `searchPlatformId`), `POST
 * /analytics/social`, `GET /analytics/links`, `GET /analytics/youTubePlaylists`,
 * `GET /history`, `GET /history/:platform`.
 *
 * Keys and profiles:
 * - any Bearer key works; a key starting with `invalid` gets 401, one starting
 *   with `basic` gets 402 on analytics routes (a plan without analytics);
 * - no `Profile-Key` header is the primary profile; any other value names a
 *   user profile with its own data and its own rate-limit window; a value
 *   starting with `suspended` gets 403; an empty `Profile-Key:` header gets 400.
 *
 * Rate limit, per profile: `rateLimitMax` calls per `windowMs` (5 minutes).
 * Every answer carries `x-ratelimit-max` and `x-ratelimit-count`; a 429 also
 * `x-ratelimit-reset` (milliseconds left, as Ayrshare's older docs say). After
 * `suspendAfter` 429s within 24 hours the profile is suspended (403).
 *
 * Partial failures inside 200s: every 7th post has one network failing, as a
 * per-platform `{ status: "error", code, message }` (or, every 14th, as a
 * top-level `status: "error"` with `errors: [{ platform, ... }]`); every 5th
 * post sent to X/Twitter is a thread (an array of tweets); Instagram's
 * `reachCount` is missing on every 4th post; LinkedIn counts come as strings.
 */
import { childRandom, type Random } from '../fixtures';
import type { SandboxModule, SandboxReply, SandboxRequest } from '../server';
import { bearerToken, queryValue } from '../server';

export interface AyrshareSandboxOptions {
	/** Calls per window per profile (Ayrshare: 250-300). */
	rateLimitMax?: number;
	windowMs?: number;
	/** 429s within 24 hours after which a profile is suspended. */
	suspendAfter?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const POST_PLATFORMS = ['bluesky', 'facebook', 'instagram', 'linkedin', 'pinterest', 'reddit', 'snapchat', 'threads', 'tiktok', 'twitter', 'youtube'];
const SOCIAL_ID_PLATFORMS = ['facebook', 'instagram', 'linkedin', 'threads', 'tiktok', 'twitter', 'youtube'];
const SOCIAL_PLATFORMS = ['bluesky', 'facebook', 'gmb', 'instagram', 'linkedin', 'pinterest', 'reddit', 'snapchat', 'threads', 'tiktok', 'twitter', 'youtube'];
const HISTORY_PLATFORMS = [...SOCIAL_PLATFORMS, 'telegram'].sort();
const PRIMARY_LINKED = ['facebook', 'instagram', 'linkedin', 'pinterest', 'tiktok', 'twitter', 'youtube'];

interface SentPost {
	id: string;
	post: string;
	platforms: string[];
	postIds: Array<{ platform: string; id: string; postUrl: string; status: string }>;
	errors: Array<{ platform: string; code: number; message: string }>;
	status: string;
	type: string;
	created: string;
	scheduleDate: { _seconds: number; _nanoseconds: number; utc: string };
	urls: string[];
	index: number;
}

interface Profile {
	key: string;
	linked: string[];
	posts: SentPost[];
	/** Social post ID -> platform, for every post on a linked account. */
	socialIds: Map<string, string>;
	feeds: Map<string, Array<Record<string, unknown>>>;
}

function error(status: number, code: number, message: string, extra: Record<string, unknown> = {}): SandboxReply {
	return { status, body: { action: 'request', status: 'error', code, message, ...extra } };
}

function socialId(random: Random, platform: string): string {
	switch (platform) {
		case 'facebook':
			return `${random.digits(15)}_${random.digits(16)}`;
		case 'linkedin':
			return `urn:li:share:${random.digits(19)}`;
		case 'youtube':
			return random.token(11);
		case 'bluesky':
			return `at://did:plc:${random.token(24).toLowerCase()}/app.bsky.feed.post/${random.token(13).toLowerCase()}`;
		default:
			return random.digits(platform === 'twitter' ? 19 : 17);
	}
}

function postUrl(platform: string, id: string): string {
	const host: Record<string, string> = {
		facebook: 'https://www.facebook.com/',
		instagram: 'https://www.instagram.com/p/',
		linkedin: 'https://www.linkedin.com/feed/update/',
		twitter: 'https://x.com/i/status/',
		youtube: 'https://youtu.be/',
		tiktok: 'https://www.tiktok.com/@sandbox/video/',
		pinterest: 'https://www.pinterest.com/pin/',
	};
	return `${host[platform] ?? `https://${platform}.example.com/p/`}${encodeURIComponent(id)}`;
}

/** A post's analytics on one network, with the keys Ayrshare uses for it. */
function postAnalytics(random: Random, platform: string, index: number): Record<string, unknown> {
	const n = (max: number) => random.int(0, max);
	switch (platform) {
		case 'facebook':
			return {
				impressionsUnique: n(5000),
				likeCount: n(400),
				commentCount: n(60),
				shareCount: n(40),
				clicksUnique: n(300),
				reactions: { like: n(300), love: n(80), haha: n(20), wow: n(10), sad: n(3), angry: n(2) },
			};
		case 'instagram': {
			const reels = index % 3 === 0;
			return {
				mediaProductType: reels ? 'REELS' : 'FEED',
				likeCount: n(900),
				commentsCount: n(80),
				...(index % 4 === 0 ? {} : { reachCount: n(8000) }),
				viewsCount: n(12000),
				savedCount: n(90),
				sharesCount: n(70),
				...(reels ? { igReelsAvgWatchTime: n(15000), igReelsVideoViewTotalTime: n(900000) } : {}),
			};
		}
		case 'linkedin':
			// LinkedIn's counts arrive as strings here: the node must read them as numbers.
			return {
				impressionCount: String(n(6000)),
				uniqueImpressionsCount: String(n(4000)),
				clickCount: String(n(200)),
				likeCount: String(n(150)),
				commentCount: String(n(30)),
				shareCount: String(n(20)),
				engagement: Number((random.next() * 0.1).toFixed(4)),
			};
		case 'twitter':
			return {
				publicMetrics: {
					retweetCount: n(50),
					replyCount: n(30),
					likeCount: n(400),
					quoteCount: n(10),
					impressionCount: n(20000),
					bookmarkCount: n(25),
				},
			};
		case 'tiktok':
			return {
				videoViews: n(50000),
				likes: n(4000),
				comments: n(300),
				shares: n(200),
				reach: n(40000),
				averageTimeWatched: Number((random.next() * 20).toFixed(2)),
				fullVideoWatchedRate: Number(random.next().toFixed(3)),
				totalTimeWatched: n(500000),
			};
		case 'youtube':
			return {
				views: n(30000),
				likes: n(1500),
				dislikes: n(40),
				comments: n(120),
				shares: n(60),
				averageViewDuration: n(240),
				estimatedMinutesWatched: n(60000),
				subscribersGained: n(50),
			};
		case 'pinterest':
			return { impression: n(9000), pinClick: n(300), outboundClick: n(120), save: n(200) };
		case 'reddit':
			return { score: n(900), ups: n(1000), numComments: n(90), upvoteRatio: Number(random.next().toFixed(2)) };
		case 'bluesky':
			return { likeCount: n(200), repostCount: n(40), replyCount: n(20), quoteCount: n(5) };
		default:
			return { views: n(5000), likes: n(300), replies: n(20), reposts: n(15) };
	}
}

/** An account's analytics on one network (POST /analytics/social). */
function accountAnalytics(random: Random, platform: string, options: { daily: boolean; quarters?: number; period60Days: boolean }): Record<string, unknown> {
	const n = (max: number) => random.int(0, max);
	let analytics: Record<string, unknown>;
	switch (platform) {
		case 'facebook':
			analytics = { name: 'Sandbox Page', fanCount: n(20000), followersCount: n(21000), pageImpressions: n(90000), pageImpressionsUnique: n(60000), pagePostEngagements: n(4000) };
			break;
		case 'instagram':
			analytics = {
				username: 'sandbox.ig',
				followersCount: n(50000),
				followsCount: n(800),
				mediaCount: n(600),
				viewsCount: n(200000),
				reachCount: n(90000),
				likeCount: n(12000),
				commentsCount: n(900),
				audienceGenderAge: { 'F.18-24': n(3000), 'F.25-34': n(5000), 'M.18-24': n(2500), 'M.25-34': n(4000) },
			};
			break;
		case 'linkedin':
			analytics = { followerCount: n(9000), impressionCount: n(40000), uniqueImpressionsCount: n(30000), clickCount: n(2000), likeCount: n(900), shareCount: n(100), engagement: Number((random.next() * 0.1).toFixed(4)) };
			break;
		case 'twitter':
			analytics = { username: 'sandbox_x', followersCount: n(30000), friendsCount: n(500), tweetCount: n(9000), likeCount: n(4000), listedCount: n(100) };
			break;
		case 'youtube':
			analytics = { title: 'Sandbox Channel', subscriberCount: n(40000), viewCount: n(3000000), videoCount: n(300), likes: n(50000), comments: n(4000), estimatedMinutesWatched: n(900000), averageViewDuration: n(300) };
			break;
		case 'tiktok':
			analytics = { followerCount: n(80000), followingCount: n(200), likesCount: n(900000), videoCount: n(400), videoViews: n(3000000), profileViews: n(40000), period: options.period60Days ? '60 days' : '7 days' };
			break;
		case 'pinterest':
			analytics = { followerCount: n(7000), pinCount: n(900), impression: n(200000), engagement: n(9000), pinClick: n(4000), outboundClick: n(2000), save: n(3000) };
			break;
		case 'gmb':
			analytics = { businessImpressionsDesktopMaps: n(3000), businessImpressionsMobileSearch: n(9000), callClicks: n(200), websiteClicks: n(600), businessDirectionRequests: n(300) };
			break;
		case 'reddit':
			analytics = { name: 'sandbox_redditor', commentKarma: n(5000), linkKarma: n(9000), totalKarma: n(14000) };
			break;
		default:
			analytics = { followersCount: n(5000), views: n(90000) };
	}
	if (options.daily) {
		analytics.daily = Array.from({ length: 7 }, (_, day) => ({
			date: new Date(Date.UTC(2025, 0, 1) + day * DAY).toISOString().slice(0, 10),
			followers: n(50000),
			views: n(9000),
		}));
	}
	if (options.quarters) {
		analytics.quarters = Array.from({ length: options.quarters }, (_, quarter) => ({ quarter: `2024-Q${4 - quarter}`, views: n(900000) }));
	}
	return analytics;
}

export function createAyrshareModule(options: AyrshareSandboxOptions = {}): SandboxModule {
	const rateLimitMax = options.rateLimitMax ?? 300;
	const windowMs = options.windowMs ?? 5 * 60_000;
	const suspendAfter = options.suspendAfter ?? 1000;

	return {
		name: 'Ayrshare',
		prefix: '/ayrshare',
		routes: (context) => {
			const profiles = new Map<string, Profile>();
			const windows = new Map<string, { start: number; count: number }>();
			const rateLimited = new Map<string, number[]>();
			const suspended = new Set<string>();
			const anchor = Date.now();

			function profileOf(key: string): Profile {
				const known = profiles.get(key);
				if (known) return known;
				const random = childRandom(context.seed, `ayrshare:${key}`);
				const linked =
					key === ''
						? PRIMARY_LINKED
						: [...new Set(['instagram', ...PRIMARY_LINKED.filter(() => random.chance(0.6))])].sort();
				const socialIds = new Map<string, string>();
				const feeds = new Map<string, Array<Record<string, unknown>>>();
				for (const platform of linked) feeds.set(platform, []);
				const analyticsPlatforms = linked.filter((platform) => POST_PLATFORMS.includes(platform));
				const posts: SentPost[] = [];
				let at = anchor - HOUR;
				for (let index = 0; index < context.size; index++) {
					at -= random.int(4, 20) * HOUR;
					const count = random.int(1, Math.min(3, analyticsPlatforms.length));
					const platforms = [...new Set(Array.from({ length: count }, () => random.pick(analyticsPlatforms)))].sort();
					const failing = index % 17 === 16 ? platforms[0] : undefined;
					const postIds = platforms.map((platform) => {
						const id = socialId(random, platform);
						socialIds.set(id, platform);
						return { platform, id, postUrl: postUrl(platform, id), status: platform === failing ? 'error' : 'success' };
					});
					const created = new Date(at).toISOString();
					posts.push({
						id: random.token(20),
						post: `${random.words(6)} #${random.pick(['launch', 'team', 'summer', 'coffee'])}`,
						platforms,
						postIds,
						errors: failing ? [{ platform: failing, code: 110, message: 'Status is a duplicate.' }] : [],
						status: index % 23 === 22 ? 'deleted' : failing ? 'error' : 'success',
						type: 'now',
						created,
						scheduleDate: { _seconds: Math.floor(at / 1000), _nanoseconds: 0, utc: created },
						urls: index % 4 === 0 ? [`https://ayr.app/l/${random.token(4)}`] : [],
						index,
					});
					for (const entry of postIds) {
						feeds.get(entry.platform)?.push({ id: entry.id, post: posts[posts.length - 1].post, created, postUrl: entry.postUrl, ayrshareId: posts[posts.length - 1].id });
					}
				}
				// Posts made directly on the networks, not through Ayrshare.
				for (const platform of linked) {
					const feed = feeds.get(platform) ?? [];
					for (let index = 0; index < Math.ceil(context.size / 4); index++) {
						const id = socialId(random, platform);
						socialIds.set(id, platform);
						feed.push({ id, post: random.words(5), created: new Date(anchor - random.int(1, 60) * DAY).toISOString(), postUrl: postUrl(platform, id) });
					}
					feed.sort((a, b) => String(b.created).localeCompare(String(a.created)));
					feeds.set(
						platform,
						feed.map((post) => {
							const metrics = postAnalytics(childRandom(context.seed, `feed:${String(post.id)}`), platform, 1);
							const flat = platform === 'twitter' ? (metrics.publicMetrics as Record<string, unknown>) : metrics;
							return { ...post, ...flat };
						}),
					);
				}
				const profile: Profile = { key, linked, posts, socialIds, feeds };
				profiles.set(key, profile);
				return profile;
			}

			function platformResult(post: { id: string; postUrl: string }, platform: string, index: number): unknown {
				const random = childRandom(context.seed, `analytics:${post.id}:${platform}`);
				const lastUpdated = new Date(anchor).toISOString();
				const nextUpdate = new Date(anchor + 10 * 60_000).toISOString();
				if (platform === 'twitter' && index % 5 === 4) {
					return Array.from({ length: 3 }, (_, tweet) => {
						const id = tweet === 0 ? post.id : `${post.id.slice(0, -2)}${10 + tweet}`;
						return { id, postUrl: postUrl('twitter', id), analytics: postAnalytics(random, platform, index), lastUpdated, nextUpdate };
					});
				}
				return { id: post.id, postUrl: post.postUrl, analytics: postAnalytics(random, platform, index), lastUpdated, nextUpdate };
			}

			type Guarded = (request: SandboxRequest, profile: Profile) => SandboxReply;

			/** Auth, profile header, rate limit and plan checks, then the route; rate headers on every answer. */
			function guard(handler: Guarded, analytics: boolean) {
				return (request: SandboxRequest): SandboxReply => {
					const key = bearerToken(request);
					if (!key || key.startsWith('invalid')) {
						return error(401, 102, 'API Key not valid. Please check your API Key in the Ayrshare dashboard.');
					}
					const header = request.headers['profile-key'];
					const profileKey = Array.isArray(header) ? header[0] : header;
					if (profileKey !== undefined && profileKey.trim() === '') {
						return error(400, 169, 'The Profile-Key header is empty.');
					}
					const profile = profileKey ?? '';
					if (profile.startsWith('suspended') || suspended.has(profile)) {
						return error(403, 419, 'The profile is suspended. Contact Ayrshare support.');
					}
					const now = Date.now();
					let window = windows.get(profile);
					if (!window || now - window.start >= windowMs) {
						window = { start: now, count: 0 };
						windows.set(profile, window);
					}
					window.count += 1;
					const rateHeaders = { 'x-ratelimit-max': String(rateLimitMax), 'x-ratelimit-count': String(Math.min(window.count, rateLimitMax)) };
					if (window.count > rateLimitMax) {
						const recent = (rateLimited.get(profile) ?? []).filter((time) => now - time < DAY);
						recent.push(now);
						rateLimited.set(profile, recent);
						if (recent.length >= suspendAfter) suspended.add(profile);
						return {
							status: 429,
							headers: { ...rateHeaders, 'x-ratelimit-reset': String(window.start + windowMs - now) },
							body: { action: 'request', status: 'error', code: 429, message: `Too many requests: ${rateLimitMax} calls per 5 minutes per profile.` },
						};
					}
					if (analytics && key.startsWith('basic')) {
						const reply = error(402, 168, 'Analytics are available on Premium or Business plans.');
						return { ...reply, headers: rateHeaders };
					}
					const reply = handler(request, profileOf(profile));
					return { ...reply, headers: { ...rateHeaders, ...(reply.headers ?? {}) } };
				};
			}

			const asObject = (body: unknown): Record<string, unknown> =>
				typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

			function bySocialId(body: Record<string, unknown>, profile: Profile): SandboxReply {
				const platforms = Array.isArray(body.platforms) ? (body.platforms as string[]) : [];
				if (platforms.length !== 1 || !SOCIAL_ID_PLATFORMS.includes(platforms[0])) {
					return error(400, 101, `Send exactly one platform in "platforms": ${SOCIAL_ID_PLATFORMS.join(', ')}.`);
				}
				const [platform] = platforms;
				const many = Array.isArray(body.postIds);
				const ids = many ? (body.postIds as unknown[]).map(String) : typeof body.id === 'string' ? [body.id] : [];
				if (ids.length === 0) return error(400, 101, 'Missing or incorrect parameters: "id" or "postIds" is required.');
				if (ids.length > 100) return error(400, 101, 'At most 100 postIds per request.');
				if (!profile.linked.includes(platform)) return error(400, 272, `${platform} is not linked to this profile.`);
				const results = ids.map((id) =>
					profile.socialIds.get(id) === platform
						? platformResult({ id, postUrl: postUrl(platform, id) }, platform, 1)
						: { id, status: 'error', code: 186, message: 'Social post ID not found for this account.' },
				);
				if (!many) {
					const [result] = results;
					if ((result as Record<string, unknown>).status === 'error') return error(404, 186, 'Social post ID not found for this account.');
					return { body: { status: 'success', [platform]: result } };
				}
				return { body: { status: 'success', [platform]: results } };
			}

			const api = '/api';
			return [
				{
					method: 'GET',
					path: `${api}/user`,
					handler: guard((_request, profile) => ({
						body: { activeSocialAccounts: profile.linked, email: 'sandbox@example.com', refId: `ref-${profile.key || 'primary'}`, title: profile.key ? `Profile ${profile.key.slice(0, 3)}…` : 'Primary Profile' },
					}), false),
				},
				{
					method: 'POST',
					path: `${api}/analytics/post`,
					handler: guard((request, profile) => {
						const body = asObject(request.body);
						if (body.searchPlatformId === true) return bySocialId(body, profile);
						if (typeof body.id !== 'string' || body.id.trim() === '') return error(400, 101, 'Missing or incorrect parameters: "id" is required.');
						const requested = body.platforms === undefined ? undefined : Array.isArray(body.platforms) ? (body.platforms as string[]) : null;
						if (requested === null || requested?.some((platform) => !POST_PLATFORMS.includes(platform))) {
							return error(400, 101, `Unknown platform in "platforms". Use: ${POST_PLATFORMS.join(', ')}.`);
						}
						const post = profile.posts.find((candidate) => candidate.id === body.id);
						if (!post) return { status: 404, body: { action: 'analytics', status: 'error', code: 186, message: 'Top level post ID not found.' } };
						const platforms = post.platforms.filter((platform) => !requested || requested.includes(platform));
						const failing = post.index % 7 === 6 ? platforms[platforms.length - 1] : undefined;
						const asErrorsList = post.index % 14 === 13;
						const answer: Record<string, unknown> = { status: 'success', id: post.id };
						const errors: unknown[] = [];
						for (const platform of platforms) {
							const entry = post.postIds.find((candidate) => candidate.platform === platform)!;
							if (platform === failing) {
								const failure = { status: 'error', code: 294, message: `Error getting analytics from ${platform}. Please try again later.` };
								if (asErrorsList) errors.push({ ...failure, action: 'analytics', platform });
								else answer[platform] = failure;
								continue;
							}
							answer[platform] = platformResult(entry, platform, post.index);
						}
						if (errors.length) {
							answer.status = 'error';
							answer.errors = errors;
						}
						return { body: answer };
					}, true),
				},
				{
					method: 'POST',
					path: `${api}/analytics/social`,
					handler: guard((request, profile) => {
						const body = asObject(request.body);
						const platforms = Array.isArray(body.platforms) ? (body.platforms as string[]) : [];
						if (platforms.length === 0 || platforms.some((platform) => !SOCIAL_PLATFORMS.includes(platform))) {
							return error(400, 101, `Missing or incorrect platforms. Use: ${SOCIAL_PLATFORMS.join(', ')}.`);
						}
						if (body.quarters !== undefined && (!Number.isInteger(body.quarters) || (body.quarters as number) < 1 || (body.quarters as number) > 4)) {
							return error(400, 101, 'quarters must be 1 to 4.');
						}
						const answer: Record<string, unknown> = { status: 'success' };
						for (const platform of platforms) {
							if (!profile.linked.includes(platform)) {
								answer[platform] = { status: 'error', code: 272, message: `${platform} is not linked. Link it in the Social Accounts page of the dashboard.` };
								continue;
							}
							const random = childRandom(context.seed, `social:${profile.key}:${platform}`);
							answer[platform] = {
								analytics: accountAnalytics(random, platform, {
									daily: body.daily === true,
									quarters: body.quarters as number | undefined,
									period60Days: body.period60Days === true,
								}),
								lastUpdated: new Date(anchor).toISOString(),
								nextUpdate: new Date(anchor + 10 * 60_000).toISOString(),
							};
						}
						return { body: answer };
					}, true),
				},
				{
					method: 'GET',
					path: `${api}/analytics/links`,
					handler: guard((request, profile) => {
						const lastDays = Number(queryValue(request, 'lastDays') ?? 1);
						if (!Number.isInteger(lastDays) || lastDays < 1 || lastDays > 30) return error(400, 101, 'lastDays must be 1 to 30.');
						const links = profile.posts
							.filter((post) => post.urls.length > 0 && anchor - Date.parse(post.created) <= lastDays * DAY)
							.map((post) => {
								const random = childRandom(context.seed, `link:${post.id}`);
								return {
									id: post.urls[0].split('/').pop(),
									shortUrl: post.urls[0],
									originalUrl: `https://www.example.com/${random.words(2).replace(' ', '-')}`,
									created: post.created,
									clickCount: random.int(0, 500),
									postId: post.id,
								};
							});
						return { body: links };
					}, true),
				},
				{
					method: 'GET',
					path: `${api}/analytics/youTubePlaylists`,
					handler: guard((_request, profile) => {
						if (!profile.linked.includes('youtube')) return error(400, 272, 'YouTube is not linked to this profile.');
						const random = childRandom(context.seed, `playlists:${profile.key}`);
						const playlists = Array.from({ length: 6 }, () => ({
							id: `PL${random.token(32)}`,
							title: random.words(3),
							description: random.words(8),
							itemCount: random.int(1, 80),
							publishedAt: new Date(anchor - random.int(10, 900) * DAY).toISOString(),
							privacyStatus: random.pick(['public', 'unlisted', 'private']),
						}));
						return { body: { status: 'success', playlists } };
					}, true),
				},
				{
					method: 'GET',
					path: `${api}/history`,
					handler: guard((request, profile) => {
						const lastDays = Number(queryValue(request, 'lastDays') ?? 30);
						const count = Number(queryValue(request, 'lastRecords') ?? queryValue(request, 'limit') ?? 25);
						const platform = queryValue(request, 'platform');
						const status = queryValue(request, 'status');
						if (!Number.isInteger(lastDays) || lastDays < 0 || !Number.isInteger(count) || count < 1) {
							return error(400, 101, 'lastDays and lastRecords/limit must be whole numbers.');
						}
						if (platform !== undefined && !HISTORY_PLATFORMS.includes(platform)) return error(400, 101, `Unknown platform ${platform}.`);
						const history = profile.posts
							.filter((post) => lastDays === 0 || anchor - Date.parse(post.created) <= lastDays * DAY)
							.filter((post) => (status ? post.status === status : post.status !== 'deleted'))
							.filter((post) => !platform || post.platforms.includes(platform))
							.slice(0, Math.min(count, 1000))
							.map(({ index: _index, ...post }) => post);
						return { body: { history, refId: `ref-${profile.key || 'primary'}`, count: history.length } };
					}, false),
				},
				{
					method: 'GET',
					path: `${api}/history/:platform`,
					handler: guard((request, profile) => {
						const { platform } = request.params;
						if (!HISTORY_PLATFORMS.includes(platform)) return error(400, 101, `Unknown platform ${platform}.`);
						const feed = profile.feeds.get(platform);
						if (!feed) return error(400, 272, `${platform} is not linked to this profile.`);
						return { body: { status: 'success', posts: feed } };
					}, false),
				},
			];
		},
	};
}

/** The module with Ayrshare's defaults (300 calls per 5 minutes per profile). */
export const ayrshareModule = createAyrshareModule();
