import { mediaEdgeList } from './edgeList';

// The children edge takes no page size: a carousel has at most 20 children.
export const { description, execute } = mediaEdgeList({
	operation: 'getChildren',
	edge: 'children',
	what: 'carousel children',
	mediaIdDescription: 'The ID of the carousel album',
	defaultFields: ['id', 'media_type', 'media_url', 'permalink', 'thumbnail_url', 'timestamp'],
	fieldOptions: [
		{ name: 'Alt Text', value: 'alt_text' },
		{ name: 'ID', value: 'id' },
		{ name: 'Media Type', value: 'media_type' },
		{ name: 'Media URL', value: 'media_url' },
		{ name: 'Permalink', value: 'permalink' },
		{ name: 'Shortcode', value: 'shortcode' },
		{ name: 'Thumbnail URL', value: 'thumbnail_url' },
		{ name: 'Timestamp', value: 'timestamp' },
		{ name: 'Username', value: 'username' },
	],
	fieldsDescription: 'Fields of each child to return. Carousel children have no insights of their own.',
});
