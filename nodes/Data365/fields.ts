import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The fields of each Graph-style node type (seed sections 4 to 6), as the
 * "Fields" option offers them. `DEFAULT_ORDER` is the set sent when the user
 * picks none; `last_update` and `is_being_updated` are in every default set
 * because they tell how fresh Data365's copy is.
 */

export type FieldResource = 'media' | 'user' | 'tag' | 'comment';

interface FieldEntry {
	name: string;
	value: string;
	description?: string;
}

const FRESHNESS: FieldEntry[] = [
	{
		name: 'Is Being Updated',
		value: 'is_being_updated',
		description: 'Whether Data365 is updating its copy right now',
	},
	{ name: 'Last Update', value: 'last_update', description: 'UNIX time of Data365\'s last update' },
];

const OWNER_SHORT = 'owner{id,username}';
const OWNER_FULL = 'owner{id,username,full_name,profile_pic_url,type}';

export const FIELD_CATALOGUE: Record<FieldResource, FieldEntry[]> = {
	media: [
		{ name: 'Caption', value: 'caption' },
		{ name: 'Comment Count', value: 'comment_count' },
		{ name: 'Created Time', value: 'created_time', description: 'ISO 8601' },
		{ name: 'ID', value: 'id' },
		...FRESHNESS,
		{ name: 'Like Count', value: 'like_count' },
		{ name: 'Location', value: 'location{id,name,slug,has_public_page}' },
		{ name: 'Location ID', value: 'location_id' },
		{ name: 'Media Type', value: 'media_type' },
		{ name: 'Media URL', value: 'media_url' },
		{ name: 'Owner (ID, Username)', value: OWNER_SHORT },
		{ name: 'Owner (All Fields)', value: OWNER_FULL },
		{ name: 'Owner ID', value: 'owner_id' },
		{ name: 'Shortcode', value: 'shortcode' },
		{ name: 'Tagged User Media', value: 'tagged_user_media' },
		{ name: 'Tagged User Text', value: 'tagged_user_text' },
		{ name: 'Tags', value: 'tags' },
		{ name: 'Timestamp', value: 'timestamp', description: 'UNIX time the media was posted' },
		{ name: 'Video View Count', value: 'video_view_count' },
	],
	user: [
		{ name: 'Biography', value: 'biography' },
		{ name: 'Collection Count', value: 'collection_count' },
		{ name: 'Connected Facebook Page', value: 'connected_fb_page' },
		{ name: 'External URL', value: 'external_url' },
		{ name: 'Follow Count', value: 'follow_count', description: 'Accounts the user follows' },
		{ name: 'Follower Count', value: 'follower_count' },
		{ name: 'Full Name', value: 'full_name' },
		{ name: 'ID', value: 'id' },
		...FRESHNESS,
		{ name: 'Is Private', value: 'is_private' },
		{ name: 'Is Verified', value: 'is_verified' },
		{ name: 'Media Count', value: 'media_count' },
		{ name: 'Profile Picture URL', value: 'profile_pic_url' },
		{ name: 'Saved Media Count', value: 'saved_media_count' },
		{ name: 'Type', value: 'type' },
		{ name: 'Username', value: 'username' },
	],
	tag: [
		{ name: 'ID', value: 'id', description: 'The tag name without #' },
		...FRESHNESS,
		{ name: 'Media Count', value: 'media_count', description: 'Posts with the tag on Instagram' },
		{ name: 'Profile Picture URL', value: 'profile_pic_url' },
	],
	comment: [
		{ name: 'Created Time', value: 'created_time', description: 'ISO 8601' },
		{ name: 'ID', value: 'id' },
		...FRESHNESS,
		{ name: 'Owner (ID, Username)', value: OWNER_SHORT },
		{ name: 'Owner (All Fields)', value: OWNER_FULL },
		{ name: 'Owner ID', value: 'owner_id' },
		{ name: 'Parent ID', value: 'parent_id', description: 'ID of the media commented on' },
		{ name: 'Text', value: 'text' },
		{ name: 'Timestamp', value: 'timestamp', description: 'UNIX time the comment was posted' },
	],
};

/** The default field list, in a reading order (id first, freshness last). */
const DEFAULT_ORDER: Record<FieldResource, string[]> = {
	media: [
		'id',
		'shortcode',
		'created_time',
		'media_type',
		'media_url',
		'caption',
		'tags',
		'like_count',
		'comment_count',
		'video_view_count',
		OWNER_SHORT,
		'last_update',
		'is_being_updated',
	],
	user: [
		'id',
		'username',
		'full_name',
		'biography',
		'external_url',
		'profile_pic_url',
		'is_private',
		'is_verified',
		'follower_count',
		'follow_count',
		'media_count',
		'last_update',
		'is_being_updated',
	],
	tag: ['id', 'media_count', 'profile_pic_url', 'last_update', 'is_being_updated'],
	comment: ['id', 'parent_id', 'created_time', 'text', OWNER_SHORT, 'last_update', 'is_being_updated'],
};

export function defaultFields(resource: FieldResource): string[] {
	return [...DEFAULT_ORDER[resource]];
}

export function fieldOptions(resource: FieldResource): INodePropertyOptions[] {
	return [...FIELD_CATALOGUE[resource]]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map(({ name, value, description }) => (description ? { name, value, description } : { name, value }));
}

/** Values that come as numbers or booleans, whatever form the API sends them in. */
export const NUMERIC_FIELDS = new Set([
	'like_count',
	'comment_count',
	'video_view_count',
	'follower_count',
	'follow_count',
	'media_count',
	'saved_media_count',
	'collection_count',
	'timestamp',
	'last_update',
	// Plural spellings, in case v1.1 uses them (its object schemas are not public).
	'likes_count',
	'comments_count',
	'video_views_count',
	'followers_count',
	'followings_count',
	'posts_count',
]);

export const BOOLEAN_FIELDS = new Set(['is_being_updated', 'is_private', 'is_verified', 'has_public_page']);
