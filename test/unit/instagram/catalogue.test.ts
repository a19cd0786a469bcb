import {
	apiMoment,
	autoMediaMetrics,
	currentMediaMetrics,
	isRemovedAt,
	mediaKindOf,
	mediaMetricOptions,
	planMediaMetrics,
	removalText,
} from '../../../nodes/Instagram/helpers/catalogue';
import { metricsNamedIn, readInsightValues } from '../../../nodes/Instagram/helpers/mediaInsights';
import { ACCOUNT_METRICS, MEDIA_KINDS, MEDIA_METRICS } from '../../../nodes/Instagram/metrics';

const today = apiMoment(24, new Date('2026-11-22T00:00:00Z'));

describe('the metric catalogue (data)', () => {
	it('names each metric once per level, with a replacement for every removed one', () => {
		for (const list of [MEDIA_METRICS, ACCOUNT_METRICS]) {
			const names = list.map((metric) => metric.name);
			expect(new Set(names).size).toBe(names.length);
		}
		for (const metric of MEDIA_METRICS) {
			if (metric.removed) expect(metric.removed.replacedBy.length).toBeGreaterThan(0);
			for (const kind of metric.kinds) expect(MEDIA_KINDS).toContain(kind);
			for (const kind of metric.unconfirmedFor ?? []) expect(metric.kinds).toContain(kind);
		}
		for (const metric of ACCOUNT_METRICS) for (const removal of metric.removed ?? []) expect(removal.replacedBy.length).toBeGreaterThan(0);
	});

	it('every replacement of a removed metric is a current metric', () => {
		const currentMedia = new Set(currentMediaMetrics(today));
		for (const metric of MEDIA_METRICS) for (const name of metric.removed?.replacedBy ?? []) expect(currentMedia).toContain(name);
		const currentAccount = new Set(ACCOUNT_METRICS.filter((metric) => metric.metricTypes.length).map((metric) => metric.name));
		for (const metric of ACCOUNT_METRICS) for (const removal of metric.removed ?? []) for (const name of removal.replacedBy) expect(currentAccount).toContain(name);
	});

	it('maps what the issue names: impressions, video_views and plays to views, engagement to total_interactions', () => {
		const replacement = (name: string) => MEDIA_METRICS.find((metric) => metric.name === name)?.removed?.replacedBy;
		expect(replacement('impressions')).toEqual(['views']);
		expect(replacement('video_views')).toEqual(['views']);
		expect(replacement('plays')).toEqual(['views']);
		expect(replacement('engagement')).toEqual(['total_interactions']);
	});
});

describe('reading the catalogue', () => {
	it('tells the kind of a media from its product type, then its media type', () => {
		expect(mediaKindOf({ media_type: 'VIDEO', media_product_type: 'REELS' })).toBe('REELS');
		expect(mediaKindOf({ media_type: 'IMAGE', media_product_type: 'STORY' })).toBe('STORY');
		expect(mediaKindOf({ media_type: 'VIDEO', media_product_type: 'FEED' })).toBe('VIDEO');
		expect(mediaKindOf({ media_type: 'CAROUSEL_ALBUM', media_product_type: 'AD' })).toBe('CAROUSEL_ALBUM');
		expect(mediaKindOf({ media_type: 'image' })).toBe('IMAGE');
		expect(mediaKindOf({})).toBeUndefined();
	});

	it('auto asks each kind for what it supports at the version', () => {
		expect(autoMediaMetrics('REELS', today)).toEqual([
			'views',
			'reach',
			'likes',
			'comments',
			'shares',
			'saved',
			'total_interactions',
			'ig_reels_avg_watch_time',
			'ig_reels_video_view_total_time',
		]);
		expect(autoMediaMetrics('STORY', today)).toEqual([
			'views',
			'reach',
			'shares',
			'total_interactions',
			'follows',
			'profile_visits',
			'profile_activity',
			'replies',
			'navigation',
		]);
		// Unknown kind: what every kind supports for sure.
		expect(autoMediaMetrics(undefined, today)).toEqual(['reach', 'shares']);
	});

	it('removals apply from their version, and in every version from their date', () => {
		const impressions = MEDIA_METRICS.find((metric) => metric.name === 'impressions')!.removed!;
		expect(isRemovedAt(impressions, apiMoment(22, new Date('2025-01-01')))).toBe(true);
		expect(isRemovedAt(impressions, apiMoment(21, new Date('2025-01-01')))).toBe(false);
		expect(isRemovedAt(impressions, apiMoment(21, new Date('2025-04-21')))).toBe(true);
		// Before the dates, an old version still served impressions to FEED media.
		expect(autoMediaMetrics('IMAGE', apiMoment(21, new Date('2025-03-01')))).toContain('impressions');
		expect(autoMediaMetrics('IMAGE', apiMoment(21, new Date('2025-03-01')))).not.toContain('video_views');
		expect(autoMediaMetrics('IMAGE', today)).not.toContain('impressions');
	});

	it('plans chosen metrics: the kind decides, and unknown metrics pass through', () => {
		expect(planMediaMetrics('IMAGE', { auto: false, chosen: ['reach', 'replies', 'brand_new'] }, today)).toEqual({
			send: ['reach', 'brand_new'],
			unsupported: ['replies'],
		});
		expect(planMediaMetrics(undefined, { auto: false, chosen: ['replies'] }, today)).toEqual({ send: ['replies'], unsupported: [] });
	});

	it('words a removal with its replacement', () => {
		expect(removalText('engagement', MEDIA_METRICS.find((metric) => metric.name === 'engagement')!.removed!)).toBe(
			'Meta removed the metric "engagement" from API v18.0, and from every version on 2023-12-11: use "total_interactions" instead',
		);
	});

	it('offers auto first, then current metrics sorted by name, never removed ones', () => {
		const options = mediaMetricOptions();
		expect(options[0].value).toBe('auto');
		const names = options.slice(1).map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(options.map((option) => option.value)).not.toContain('impressions');
	});
});

describe('reading insights answers', () => {
	it('takes the last value of a series or the total value, numbers from strings', () => {
		expect(
			readInsightValues({
				data: [
					{ name: 'reach', values: [{ value: 1 }, { value: '12' }] },
					{ name: 'views', total_value: { value: 30 } },
					{ name: 'navigation', values: [] },
					{ nameless: true },
				],
			}),
		).toEqual({ reach: 12, views: 30, navigation: null });
	});

	it('finds the metric an "unsupported" error names', () => {
		const asked = ['views', 'reach', 'saved'];
		const error = (message: string) => ({ message, code: 100, isTransient: false });
		expect(metricsNamedIn(error('(#100) The Media Insights API does not support the views metric for this media product type'), asked)).toEqual(['views']);
		expect(metricsNamedIn(error('(#100) The metric saved is not supported for this media type'), asked)).toEqual(['saved']);
		expect(metricsNamedIn(error('(#100) metric[1] must be one of the following values: views, saved'), asked)).toEqual(['reach']);
		expect(metricsNamedIn(error('(#100) must be one of the following values: views, reach, saved'), asked)).toEqual([]);
		expect(metricsNamedIn(error('(#100) ig_reach_total is not supported'), asked)).toEqual([]);
	});
});
