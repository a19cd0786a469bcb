/**
 * The metric catalogue: which Instagram insight works for which account view
 * or media type, in which Graph API versions, and what replaced it. Data only;
 * the rules that read it are in helpers/catalogue.ts.
 *
 * Sources: Meta's Instagram Platform changelog and IG Media / IG User Insights
 * references (copies), the Graph API changelog's deprecation dates, and what
 * peer connectors request in practice (Airbyte source-instagram, plinxore
 * tap-instagram-user). Where those disagree the entry says so in
 * `unconfirmedFor` / `note`, and docs/instagram.md lists it: such a metric is
 * still asked for under "auto", and if Meta refuses it for a media the node
 * drops it for that media (the column is null) instead of failing the run.
 */

/**
 * What a media is, for insights: the media_product_type, and for FEED (and ads)
 * the media_type. Carousel children have no insights of their own.
 */
export type MediaKind = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM' | 'REELS' | 'STORY';

export const MEDIA_KINDS: readonly MediaKind[] = ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'REELS', 'STORY'];

export type MetricType = 'time_series' | 'total_value';
export type AccountPeriod = 'day' | 'week' | 'days_28' | 'month' | 'lifetime';
export type AccountBreakdown = 'contact_button_type' | 'follow_type' | 'media_product_type';
export type DemographicBreakdown = 'age' | 'city' | 'country' | 'gender';

/** When Meta stopped serving a metric: from `version` on at once, and in every version from `date`. */
export interface Removal {
	version: string;
	/** YYYY-MM-DD (UTC). */
	date: string;
	replacedBy: string[];
	/** Only this metric type went away (the account time series of Jan 2025). */
	metricType?: MetricType;
	/** How to use the replacement, e.g. "with the contact_button_type breakdown". */
	note?: string;
}

/** The first version (and, where known, day) a metric is served. */
export interface Introduction {
	version: string;
	date?: string;
}

/** A breakdown asked for on its own call, its values becoming `<columnPrefix><value>` columns. */
export interface MediaBreakdown {
	name: string;
	/** Meta's documented dimension values; others it sends get columns too. */
	values: string[];
	columnPrefix: string;
}

export interface MediaMetric {
	level: 'media';
	name: string;
	displayName: string;
	description: string;
	/** Media kinds Meta serves it for (for a removed metric: served for, before it went). */
	kinds: MediaKind[];
	/** Kinds among `kinds` where sources disagree: asked for, dropped per media if Meta refuses. */
	unconfirmedFor?: MediaKind[];
	introduced?: Introduction;
	removed?: Removal;
	/** Where the row shows the metric split by a dimension (stories and the trigger). */
	breakdown?: MediaBreakdown;
	note?: string;
}

export interface AccountMetric {
	level: 'account';
	name: string;
	displayName: string;
	description: string;
	/** `interaction`: getInsights; `demographics`: getDemographics. */
	family: 'interaction' | 'demographics';
	periods: AccountPeriod[];
	metricTypes: MetricType[];
	breakdowns: Array<AccountBreakdown | DemographicBreakdown>;
	introduced?: Introduction;
	/** Several when only one metric type was removed first. */
	removed?: Removal[];
	note?: string;
}

const ALL_KINDS: MediaKind[] = ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'REELS', 'STORY'];

const REMOVED_V18: Pick<Removal, 'version' | 'date'> = { version: 'v18.0', date: '2023-12-11' };
const REMOVED_V21: Pick<Removal, 'version' | 'date'> = { version: 'v21.0', date: '2025-01-08' };
const REMOVED_V22: Pick<Removal, 'version' | 'date'> = { version: 'v22.0', date: '2025-04-21' };

export const MEDIA_METRICS: MediaMetric[] = [
	// Current metrics, in the order their columns appear.
	{
		level: 'media',
		name: 'views',
		displayName: 'Views',
		description: 'Times the media was played or displayed (replaces impressions, plays and video_views)',
		kinds: ALL_KINDS,
		// Airbyte added views for every type and reverted it after "(#100) The Media
		// Insights API does not support the views metric for this media product type";
		// Meta's current reference lists FEED, REELS and STORY.
		unconfirmedFor: ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM'],
	},
	{
		level: 'media',
		name: 'reach',
		displayName: 'Reach',
		description: 'Unique accounts that saw the media',
		kinds: ALL_KINDS,
	},
	{
		level: 'media',
		name: 'likes',
		displayName: 'Likes',
		description: 'Likes on the media',
		kinds: ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'REELS'],
		// Airbyte does not ask carousels for likes; Meta's reference lists FEED.
		unconfirmedFor: ['CAROUSEL_ALBUM'],
	},
	{
		level: 'media',
		name: 'comments',
		displayName: 'Comments',
		description: 'Comments on the media',
		kinds: ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'REELS'],
		unconfirmedFor: ['CAROUSEL_ALBUM'],
	},
	{
		level: 'media',
		name: 'shares',
		displayName: 'Shares',
		description: 'Times the media was shared',
		kinds: ALL_KINDS,
	},
	{
		level: 'media',
		name: 'saved',
		displayName: 'Saved',
		description: 'Unique accounts that saved the media',
		kinds: ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'REELS'],
	},
	{
		level: 'media',
		name: 'total_interactions',
		displayName: 'Total Interactions',
		description: 'Likes, saves, comments and shares, minus unlikes, unsaves and deleted comments',
		kinds: ALL_KINDS,
		// Meta's reference lists FEED, REELS and STORY; Airbyte once hot-fixed it away.
		unconfirmedFor: ['VIDEO', 'CAROUSEL_ALBUM'],
	},
	{
		level: 'media',
		name: 'follows',
		displayName: 'Follows',
		description: 'Accounts that started following after seeing the media',
		kinds: ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'STORY'],
	},
	{
		level: 'media',
		name: 'profile_visits',
		displayName: 'Profile Visits',
		description: 'Times the profile was visited from the media',
		kinds: ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'STORY'],
	},
	{
		level: 'media',
		name: 'profile_activity',
		displayName: 'Profile Activity',
		description: 'Actions taken on the profile after seeing the media (breakdown action_type)',
		kinds: ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'STORY'],
		unconfirmedFor: ['VIDEO', 'CAROUSEL_ALBUM'],
	},
	{
		level: 'media',
		name: 'replies',
		displayName: 'Replies',
		description: 'Replies to the story (0 for audiences in Europe and Japan)',
		kinds: ['STORY'],
	},
	{
		level: 'media',
		name: 'navigation',
		displayName: 'Navigation',
		description: 'Taps forward and back, exits and swipes on the story (replaces taps_forward, taps_back, exits)',
		kinds: ['STORY'],
		breakdown: {
			name: 'story_navigation_action_type',
			values: ['TAP_FORWARD', 'TAP_BACK', 'TAP_EXIT', 'SWIPE_FORWARD'],
			columnPrefix: 'navigation_',
		},
	},
	{
		level: 'media',
		name: 'ig_reels_avg_watch_time',
		displayName: 'Reels Average Watch Time',
		description: 'Average time the reel was watched, in milliseconds',
		kinds: ['REELS'],
	},
	{
		level: 'media',
		name: 'ig_reels_video_view_total_time',
		displayName: 'Reels Total Watch Time',
		description: 'Total time the reel was watched, replays included, in milliseconds',
		kinds: ['REELS'],
	},

	// Removed metrics: never sent; asking for one is an error naming its replacement.
	{
		level: 'media',
		name: 'impressions',
		displayName: 'Impressions',
		description: 'Times the media was seen',
		kinds: ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'STORY'],
		// On v21 and older, media created before 2024-07-02 kept it until 2025-04-21.
		removed: { ...REMOVED_V22, replacedBy: ['views'] },
	},
	{
		level: 'media',
		name: 'plays',
		displayName: 'Plays',
		description: 'Times the reel started playing',
		kinds: ['REELS'],
		removed: { ...REMOVED_V22, replacedBy: ['views'] },
	},
	{
		level: 'media',
		name: 'clips_replays_count',
		displayName: 'Reels Replays',
		description: 'Times the reel was replayed',
		kinds: ['REELS'],
		removed: { ...REMOVED_V22, replacedBy: ['views'] },
	},
	{
		level: 'media',
		name: 'ig_reels_aggregated_all_plays_count',
		displayName: 'Reels All Plays',
		description: 'Plays of the reel on Instagram and Facebook',
		kinds: ['REELS'],
		removed: { ...REMOVED_V22, replacedBy: ['views'] },
	},
	{
		level: 'media',
		name: 'video_views',
		displayName: 'Video Views',
		description: 'Times the video was seen',
		kinds: ['VIDEO'],
		removed: { ...REMOVED_V21, replacedBy: ['views'] },
	},
	{
		level: 'media',
		name: 'engagement',
		displayName: 'Engagement',
		description: 'Likes and comments on the media',
		kinds: ['IMAGE', 'VIDEO'],
		removed: { ...REMOVED_V18, replacedBy: ['total_interactions'] },
	},
	{
		level: 'media',
		name: 'carousel_album_engagement',
		displayName: 'Carousel Engagement',
		description: 'Likes and comments on the carousel',
		kinds: ['CAROUSEL_ALBUM'],
		removed: { ...REMOVED_V18, replacedBy: ['total_interactions'] },
	},
	{
		level: 'media',
		name: 'carousel_album_impressions',
		displayName: 'Carousel Impressions',
		description: 'Times the carousel was seen',
		kinds: ['CAROUSEL_ALBUM'],
		removed: { ...REMOVED_V18, replacedBy: ['views'] },
	},
	{
		level: 'media',
		name: 'carousel_album_reach',
		displayName: 'Carousel Reach',
		description: 'Unique accounts that saw the carousel',
		kinds: ['CAROUSEL_ALBUM'],
		removed: { ...REMOVED_V18, replacedBy: ['reach'] },
	},
	{
		level: 'media',
		name: 'carousel_album_saved',
		displayName: 'Carousel Saved',
		description: 'Unique accounts that saved the carousel',
		kinds: ['CAROUSEL_ALBUM'],
		removed: { ...REMOVED_V18, replacedBy: ['saved'] },
	},
	{
		level: 'media',
		name: 'carousel_album_video_views',
		displayName: 'Carousel Video Views',
		description: 'Views of the videos in the carousel',
		kinds: ['CAROUSEL_ALBUM'],
		removed: { ...REMOVED_V18, replacedBy: ['views'] },
	},
	{
		level: 'media',
		name: 'taps_forward',
		displayName: 'Taps Forward',
		description: 'Taps to the next story',
		kinds: ['STORY'],
		removed: {
			...REMOVED_V18,
			replacedBy: ['navigation'],
			note: 'navigation with the story_navigation_action_type breakdown',
		},
	},
	{
		level: 'media',
		name: 'taps_back',
		displayName: 'Taps Back',
		description: 'Taps to the previous story',
		kinds: ['STORY'],
		removed: {
			...REMOVED_V18,
			replacedBy: ['navigation'],
			note: 'navigation with the story_navigation_action_type breakdown',
		},
	},
	{
		level: 'media',
		name: 'exits',
		displayName: 'Exits',
		description: 'Exits from the story',
		kinds: ['STORY'],
		removed: {
			...REMOVED_V18,
			replacedBy: ['navigation'],
			note: 'navigation with the story_navigation_action_type breakdown',
		},
	},
];

const INTERACTION_DAY = { family: 'interaction' as const, periods: ['day'] as AccountPeriod[] };

export const ACCOUNT_METRICS: AccountMetric[] = [
	{
		level: 'account',
		name: 'reach',
		displayName: 'Reach',
		description: 'Unique accounts that saw any of the content',
		family: 'interaction',
		periods: ['day', 'week', 'days_28'],
		metricTypes: ['time_series', 'total_value'],
		breakdowns: ['media_product_type', 'follow_type'],
	},
	{
		level: 'account',
		name: 'follower_count',
		displayName: 'Follower Count',
		description: 'New followers per day (accounts with 100 or more followers, last 30 days)',
		family: 'interaction',
		periods: ['day'],
		metricTypes: ['time_series'],
		breakdowns: [],
	},
	{
		level: 'account',
		name: 'online_followers',
		displayName: 'Online Followers',
		description: 'Followers online per hour of the day (accounts with 100 or more followers, last 30 days)',
		family: 'interaction',
		periods: ['lifetime'],
		metricTypes: ['time_series'],
		breakdowns: [],
	},
	{
		level: 'account',
		name: 'views',
		displayName: 'Views',
		description: 'Times the content was played or displayed (replaces impressions)',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['follow_type', 'media_product_type'],
	},
	{
		level: 'account',
		name: 'accounts_engaged',
		displayName: 'Accounts Engaged',
		description: 'Accounts that interacted with the content',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: [],
	},
	{
		level: 'account',
		name: 'total_interactions',
		displayName: 'Total Interactions',
		description: 'Likes, saves, comments, shares and replies on the content',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['media_product_type'],
	},
	{
		level: 'account',
		name: 'likes',
		displayName: 'Likes',
		description: 'Likes on the content',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['media_product_type'],
	},
	{
		level: 'account',
		name: 'comments',
		displayName: 'Comments',
		description: 'Comments on the content',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['media_product_type'],
	},
	{
		level: 'account',
		name: 'shares',
		displayName: 'Shares',
		description: 'Shares of the content',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['media_product_type'],
	},
	{
		level: 'account',
		name: 'saves',
		displayName: 'Saves',
		description: 'Saves of the content',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['media_product_type'],
	},
	{
		level: 'account',
		name: 'replies',
		displayName: 'Replies',
		description: 'Replies to stories',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['media_product_type'],
	},
	{
		level: 'account',
		name: 'reposts',
		displayName: 'Reposts',
		description: 'Reposts of the content',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['media_product_type'],
		note: 'Listed in the Graph SDK enum; not yet in the reference pages read',
	},
	{
		level: 'account',
		name: 'follows_and_unfollows',
		displayName: 'Follows and Unfollows',
		description: 'Accounts that followed and unfollowed',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['follow_type'],
	},
	{
		level: 'account',
		name: 'profile_links_taps',
		displayName: 'Profile Links Taps',
		description: 'Taps on the profile buttons (replaces email_contacts, phone_call_clicks and the like)',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: ['contact_button_type'],
	},
	{
		level: 'account',
		name: 'profile_views',
		displayName: 'Profile Views',
		description: 'Views of the profile',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: [],
		removed: [{ ...REMOVED_V21, metricType: 'time_series', replacedBy: ['profile_views'] }],
	},
	{
		level: 'account',
		name: 'website_clicks',
		displayName: 'Website Clicks',
		description: 'Taps on the website link of the profile',
		...INTERACTION_DAY,
		metricTypes: ['total_value'],
		breakdowns: [],
		removed: [
			{ ...REMOVED_V21, metricType: 'time_series', replacedBy: ['website_clicks', 'profile_links_taps'] },
		],
	},

	// Audience demographics: lifetime totals by age, city, country or gender, top 45 values.
	{
		level: 'account',
		name: 'follower_demographics',
		displayName: 'Follower Demographics',
		description: 'Who follows the account',
		family: 'demographics',
		periods: ['lifetime'],
		metricTypes: ['total_value'],
		breakdowns: ['age', 'city', 'country', 'gender'],
	},
	{
		level: 'account',
		name: 'engaged_audience_demographics',
		displayName: 'Engaged Audience Demographics',
		description: 'Who interacted with the content',
		family: 'demographics',
		periods: ['lifetime'],
		metricTypes: ['total_value'],
		breakdowns: ['age', 'city', 'country', 'gender'],
	},
	{
		level: 'account',
		name: 'reached_audience_demographics',
		displayName: 'Reached Audience Demographics',
		description: 'Who saw the content',
		family: 'demographics',
		periods: ['lifetime'],
		metricTypes: ['total_value'],
		breakdowns: ['age', 'city', 'country', 'gender'],
	},

	// Removed account metrics.
	{
		level: 'account',
		name: 'impressions',
		displayName: 'Impressions',
		description: 'Times the content was seen',
		family: 'interaction',
		periods: [],
		metricTypes: [],
		breakdowns: [],
		removed: [{ ...REMOVED_V22, replacedBy: ['views'] }],
	},
	...(['audience_gender_age', 'audience_locale', 'audience_country', 'audience_city'] as const).map(
		(name): AccountMetric => ({
			level: 'account',
			name,
			displayName: name,
			description: 'Lifetime audience breakdown',
			family: 'demographics',
			periods: [],
			metricTypes: [],
			breakdowns: [],
			removed: [
				{
					...REMOVED_V18,
					replacedBy: ['follower_demographics', 'engaged_audience_demographics', 'reached_audience_demographics'],
					note: 'the Get Demographics operation',
				},
			],
		}),
	),
	...(['email_contacts', 'get_direction_clicks', 'phone_call_clicks', 'text_message_clicks'] as const).map(
		(name): AccountMetric => ({
			level: 'account',
			name,
			displayName: name,
			description: 'Taps on a profile contact button',
			family: 'interaction',
			periods: [],
			metricTypes: [],
			breakdowns: [],
			removed: [{ ...REMOVED_V21, replacedBy: ['profile_links_taps'], note: 'with the contact_button_type breakdown' }],
		}),
	),
];

export const DEMOGRAPHIC_TIMEFRAMES = ['this_month', 'this_week'] as const;
