import type { INodeProperties } from 'n8n-workflow';

import { mediaMetricOptions } from '../../helpers/catalogue';

/** The columns of a media row, in order, before the metric columns. */
export const MEDIA_ROW_FIELDS = [
	'id',
	'timestamp',
	'media_type',
	'media_product_type',
	'permalink',
	'caption',
	'like_count',
	'comments_count',
] as const;

/** Needed to choose the metrics of each media, so always asked for. */
export const MEDIA_TYPE_FIELDS = ['id', 'media_type', 'media_product_type'] as const;

export const mediaIdProperty: INodeProperties = {
	displayName: 'Media ID',
	name: 'mediaId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 17900000000000000',
	description: 'The ID of the Instagram media',
};

export const mediaFieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'multiOptions',
	options: [
		{ name: 'Alt Text', value: 'alt_text' },
		{ name: 'Caption', value: 'caption' },
		{ name: 'Children', value: 'children{id,media_type,media_url,permalink,thumbnail_url,timestamp}' },
		{ name: 'Comments Count', value: 'comments_count' },
		{ name: 'ID', value: 'id' },
		{ name: 'Instagram ID (Legacy)', value: 'ig_id' },
		{ name: 'Is Comment Enabled', value: 'is_comment_enabled' },
		{ name: 'Is Shared to Feed', value: 'is_shared_to_feed' },
		{ name: 'Like Count', value: 'like_count' },
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
	default: [...MEDIA_ROW_FIELDS],
	description: 'Media fields to return. ID, media type and media product type always come.',
};

export const metricsProperty: INodeProperties = {
	displayName: 'Metrics',
	name: 'metrics',
	type: 'multiOptions',
	options: mediaMetricOptions(),
	default: ['auto'],
	description:
		'Auto asks each media for every metric its type supports at the API version in use. Chosen metrics a media cannot have follow "On Unsupported Metric".',
};
