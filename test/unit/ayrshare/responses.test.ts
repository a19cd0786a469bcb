import {
	analyticsRow,
	errorRow,
	isFailedCall,
	readList,
	readPlatformResults,
} from '../../../nodes/Ayrshare/responses';

describe('reading Ayrshare analytics answers', () => {
	it('reads one object per platform, an X thread as one entry per tweet, and per-platform errors', () => {
		const results = readPlatformResults({
			status: 'success',
			id: 'ayr1',
			instagram: { id: 'ig1', postUrl: 'https://instagram.com/p/1', analytics: { likeCount: 3 } },
			twitter: [
				{ id: 't1', postUrl: 'https://x.com/1', analytics: { likeCount: 1 } },
				{ id: 't2', postUrl: 'https://x.com/2', analytics: { likeCount: 2 } },
			],
			linkedin: { status: 'error', code: 294, message: 'Error getting analytics.' },
		});
		expect(results.entries.map((entry) => [entry.platform, entry.data.id])).toEqual([
			['instagram', 'ig1'],
			['twitter', 't1'],
			['twitter', 't2'],
		]);
		expect(results.errors).toEqual([{ platform: 'linkedin', code: 294, message: 'Error getting analytics.' }]);
	});

	it('reads a top-level errors list with a platform per error, without duplicating a platform key error', () => {
		const results = readPlatformResults({
			status: 'error',
			facebook: { status: 'error', code: 1, message: 'A' },
			errors: [
				{ action: 'analytics', status: 'error', code: 1, message: 'A', platform: 'facebook' },
				{ action: 'analytics', status: 'error', code: '2', message: 'B', platform: 'TikTok' },
			],
		});
		expect(results.errors).toEqual([
			{ platform: 'facebook', code: 1, message: 'A' },
			{ platform: 'tiktok', code: '2', message: 'B' },
		]);
	});

	it('reads an error nested as { error: { code, message } } and keeps the post ID of a failed social ID', () => {
		const results = readPlatformResults({
			instagram: [{ id: '179', error: { code: 186, message: 'Not found' } }],
		});
		expect(results.errors).toEqual([{ platform: 'instagram', id: '179', code: 186, message: 'Not found' }]);
	});

	it('reads a platform it does not know when its value carries analytics, and an array of bodies', () => {
		const results = readPlatformResults([
			{ mastodon: { id: 'm1', analytics: { boosts: 4 } } },
			{ youtube: { id: 'y1', analytics: { views: 9 } } },
		]);
		expect(results.entries.map((entry) => entry.platform)).toEqual(['mastodon', 'youtube']);
	});

	it('tells a failed call from a partial failure', () => {
		expect(isFailedCall({ status: 'error', code: 294, message: 'Error getting analytics.' })).toBe(true);
		expect(isFailedCall({ status: 'error', errors: [{ code: 1, message: 'no platform' }] })).toBe(true);
		expect(isFailedCall({ status: 'error', errors: [{ code: 1, message: 'x', platform: 'twitter' }] })).toBe(false);
		expect(isFailedCall({ status: 'error', facebook: { id: 'f', analytics: {} } })).toBe(false);
		expect(isFailedCall({ status: 'success' })).toBe(false);
		expect(isFailedCall([{ status: 'error' }])).toBe(false);
	});
});

describe('analytics rows', () => {
	it('puts the analytics as columns, numbers from strings, nested metrics dotted, other fields after', () => {
		expect(
			analyticsRow({
				platform: 'linkedin',
				data: {
					id: 'urn:li:share:1',
					postUrl: 'https://linkedin.com/1',
					analytics: { likeCount: '12', engagement: '0.05', reactions: { like: 3 }, shareCount: null, mediaType: 'IMAGE' },
					lastUpdated: '2025-01-01T00:00:00Z',
				},
			}),
		).toEqual({
			platform: 'linkedin',
			id: 'urn:li:share:1',
			postUrl: 'https://linkedin.com/1',
			likeCount: 12,
			engagement: 0.05,
			'reactions.like': 3,
			shareCount: null,
			mediaType: 'IMAGE',
			lastUpdated: '2025-01-01T00:00:00Z',
		});
	});

	it('gives null id and postUrl when absent (account analytics) and keeps metrics at the top when there is no analytics key', () => {
		expect(analyticsRow({ platform: 'bluesky', data: { likeCount: 2, created: '2025-01-06' } })).toEqual({
			platform: 'bluesky',
			id: null,
			postUrl: null,
			likeCount: 2,
			created: '2025-01-06',
		});
	});

	it('never lets a side field overwrite a metric of the same name', () => {
		expect(analyticsRow({ platform: 'x', data: { analytics: { views: 5 }, views: 'stale' } })).toEqual({
			platform: 'x',
			id: null,
			postUrl: null,
			views: 5,
		});
	});

	it('makes an error row { platform, error: { code, message } }, with the id only when known', () => {
		expect(errorRow({ platform: 'tiktok', code: null, message: 'm' })).toEqual({ platform: 'tiktok', error: { code: null, message: 'm' } });
		expect(errorRow({ platform: 'instagram', id: '9', code: 186, message: 'm' })).toEqual({
			platform: 'instagram',
			id: '9',
			error: { code: 186, message: 'm' },
		});
	});
});

describe('list answers', () => {
	it('reads a bare array or the first listed key holding an array', () => {
		expect(readList([{ id: 1 }, 'junk', { id: 2 }], ['history'])).toEqual([{ id: 1 }, { id: 2 }]);
		expect(readList({ status: 'success', posts: [{ id: 3 }] }, ['history', 'posts'])).toEqual([{ id: 3 }]);
		expect(readList({ history: 'none', posts: [{ id: 4 }] }, ['history', 'posts'])).toEqual([{ id: 4 }]);
		expect(readList({ status: 'success' }, ['history'])).toEqual([]);
		expect(readList(undefined, ['history'])).toEqual([]);
	});
});
