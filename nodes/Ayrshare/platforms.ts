import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Which network each Ayrshare endpoint accepts, as Ayrshare's docs list them
 * (checked against the 2025 docs pages; the 2023 seed lists fewer). Data, not
 * `if`s: an operation picks its list here and nothing else knows about it.
 */

export const PLATFORM_NAMES: Record<string, string> = {
	bluesky: 'Bluesky',
	facebook: 'Facebook',
	gmb: 'Google Business Profile',
	instagram: 'Instagram',
	linkedin: 'LinkedIn',
	pinterest: 'Pinterest',
	reddit: 'Reddit',
	snapchat: 'Snapchat',
	telegram: 'Telegram',
	threads: 'Threads',
	tiktok: 'TikTok',
	twitter: 'X (Twitter)',
	youtube: 'YouTube',
};

/** Every platform key Ayrshare uses in a response keyed by platform. */
export const KNOWN_PLATFORMS = new Set(Object.keys(PLATFORM_NAMES));

/** `POST /analytics/post` with an Ayrshare post ID. */
export const POST_ANALYTICS_PLATFORMS = [
	'bluesky',
	'facebook',
	'instagram',
	'linkedin',
	'pinterest',
	'reddit',
	'snapchat',
	'threads',
	'tiktok',
	'twitter',
	'youtube',
];

/** `POST /analytics/post` with `searchPlatformId: true` (one platform per call). */
export const SOCIAL_ID_PLATFORMS = ['facebook', 'instagram', 'linkedin', 'threads', 'tiktok', 'twitter', 'youtube'];

/** `POST /analytics/social`: account-level analytics. */
export const SOCIAL_ANALYTICS_PLATFORMS = [
	'bluesky',
	'facebook',
	'gmb',
	'instagram',
	'linkedin',
	'pinterest',
	'reddit',
	'snapchat',
	'threads',
	'tiktok',
	'twitter',
	'youtube',
];

/** `GET /history?platform=` and `GET /history/{platform}`. */
export const HISTORY_PLATFORMS = [
	'bluesky',
	'facebook',
	'gmb',
	'instagram',
	'linkedin',
	'pinterest',
	'reddit',
	'snapchat',
	'telegram',
	'threads',
	'tiktok',
	'twitter',
	'youtube',
];

/** Options for a platform parameter, sorted by display name as n8n's linter wants. */
export function platformOptions(platforms: readonly string[]): INodePropertyOptions[] {
	return platforms
		.map((value) => ({ name: PLATFORM_NAMES[value] ?? value, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
