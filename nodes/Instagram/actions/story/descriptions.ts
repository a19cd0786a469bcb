import type { INodeProperties } from 'n8n-workflow';

import { storyMetricOptions } from '../../helpers/catalogue';

/** The columns of a story row, in order, before `expires_at` and the metric columns. */
export const STORY_ROW_FIELDS = [
	'id',
	'timestamp',
	'media_type',
	'media_product_type',
	'permalink',
	'media_url',
	'thumbnail_url',
] as const;

/** Needed to choose the metrics and tell the expiry, so always asked for. */
export const STORY_REQUIRED_FIELDS = ['id', 'media_type', 'media_product_type', 'timestamp'] as const;

export const storyFieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'multiOptions',
	options: [
		{ name: 'ID', value: 'id' },
		{ name: 'Instagram ID (Legacy)', value: 'ig_id' },
		{ name: 'Media Product Type', value: 'media_product_type' },
		{ name: 'Media Type', value: 'media_type' },
		{ name: 'Media URL', value: 'media_url' },
		{ name: 'Owner', value: 'owner' },
		{ name: 'Permalink', value: 'permalink' },
		{ name: 'Shortcode', value: 'shortcode' },
		{ name: 'Thumbnail URL', value: 'thumbnail_url' },
		{ name: 'Timestamp', value: 'timestamp' },
		{ name: 'Username', value: 'username' },
	],
	default: [...STORY_ROW_FIELDS],
	description: 'Story fields to return. ID, media type, media product type and timestamp always come.',
};

export const storyMetricsProperty: INodeProperties = {
	displayName: 'Metrics',
	name: 'metrics',
	type: 'multiOptions',
	options: storyMetricOptions(),
	default: ['auto'],
	description:
		'Story metrics to add as columns. Navigation also comes split by action: navigation_tap_forward, navigation_tap_back, navigation_tap_exit, navigation_swipe_forward.',
};
