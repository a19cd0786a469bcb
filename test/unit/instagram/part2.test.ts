/** Pure rules of part 2: story columns, navigation values, trigger positions, token refresh state, the hashtag limit. */
import {
	apiMoment,
	breakdownColumn,
	storyMetricColumns,
	storyMetricOptions,
	withBreakdownColumns,
} from '../../../nodes/Instagram/helpers/catalogue';
import { readBreakdownValues } from '../../../nodes/Instagram/helpers/mediaInsights';
import { storyExpiresAt } from '../../../nodes/Instagram/helpers/rows';
import { MEDIA_METRICS } from '../../../nodes/Instagram/metrics';
import {
	DAY_MS,
	HOUR_MS,
	TokenRefreshDue,
	firstSightFields,
	readRefreshFailure,
	readRefreshResponse,
	refreshUrl,
	refreshedFields,
	tokenFingerprint,
	tokenInUse,
} from '../../../nodes/Instagram/tokenRefresh';
import { classifyGraphResponse, describeGraphError, isHashtagLimit, readGraphError } from '../../../nodes/Instagram/transport';
import { LOOKBACK_MS, MAX_SEEN, advance, floorOf, readPosition, selectNew, startPosition } from '../../../nodes/Instagram/trigger/position';

const at = apiMoment(24, new Date('2026-11-22T00:00:00Z'));
const NAVIGATION = MEDIA_METRICS.find((metric) => metric.name === 'navigation')!.breakdown!;

describe('story columns', () => {
	it('auto: every story metric, navigation followed by one column per action', () => {
		expect(storyMetricColumns({ auto: true, chosen: [] }, at)).toEqual([
			'views', 'reach', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'replies',
			'navigation', 'navigation_tap_forward', 'navigation_tap_back', 'navigation_tap_exit', 'navigation_swipe_forward',
		]);
		expect(withBreakdownColumns(['reach'])).toEqual(['reach']);
	});

	it('lower-cases any action Meta sends into navigation_<action>', () => {
		expect(breakdownColumn(NAVIGATION, 'TAP_FORWARD')).toBe('navigation_tap_forward');
		expect(breakdownColumn(NAVIGATION, 'Swipe Up!')).toBe('navigation_swipe_up');
		expect(breakdownColumn(NAVIGATION, '')).toBe('navigation_unknown');
	});

	it('offers only story metrics, auto first', () => {
		const values = storyMetricOptions().map((option) => option.value);
		expect(values[0]).toBe('auto');
		expect(values).toContain('navigation');
		expect(values).not.toContain('likes');
		expect(values).not.toContain('taps_forward');
	});

	it('a story expires 24 hours after its timestamp', () => {
		expect(storyExpiresAt({ timestamp: '2026-11-21T08:00:00+0000' })).toBe('2026-11-22T08:00:00.000Z');
		expect(storyExpiresAt({})).toBeNull();
	});
});

describe('navigation split by action', () => {
	const body = (total: unknown, results: unknown[], keys: unknown = ['story_navigation_action_type']) => ({
		data: [{ name: 'navigation', total_value: { ...(total === undefined ? {} : { value: total }), breakdowns: [{ dimension_keys: keys, results }] } }],
	});

	it("keeps Meta's total and reads each action, numbers as strings too", () => {
		expect(
			readBreakdownValues(body(9, [{ dimension_values: ['TAP_FORWARD'], value: '7' }, { dimension_values: ['TAP_EXIT'], value: 2 }]), 'navigation', NAVIGATION),
		).toEqual({ navigation_tap_forward: 7, navigation_tap_exit: 2, navigation: 9 });
	});

	it('sums the actions when Meta gives no total, and finds the dimension among several keys', () => {
		expect(
			readBreakdownValues(
				body(undefined, [{ dimension_values: ['x', 'TAP_BACK'], value: 3 }, { dimension_values: ['y', 'TAP_BACK'], value: 1 }], ['other', 'story_navigation_action_type']),
				'navigation',
				NAVIGATION,
			),
		).toEqual({ navigation_tap_back: 4, navigation: 4 });
	});

	it('is empty when Meta sent nothing for the metric', () => {
		expect(readBreakdownValues({ data: [] }, 'navigation', NAVIGATION)).toEqual({});
		expect(readBreakdownValues(body(undefined, []), 'navigation', NAVIGATION)).toEqual({ navigation: null });
	});
});

describe('trigger positions', () => {
	const T = Date.parse('2026-11-22T12:00:00Z');
	const record = (id: string, offsetMs: number) => ({ id, time: T + offsetMs });

	it('emits records at or after the start that were not seen, oldest first, once', () => {
		const start = startPosition('newMedia:1', T);
		const fresh = selectNew(start, [record('b', 2000), record('a', 1000), record('old', -1), record('a', 1000)]);
		expect(fresh.map((entry) => entry.id)).toEqual(['a', 'b']);
		const next = advance(start, fresh);
		expect(next).toEqual({ key: 'newMedia:1', startedAt: T, cursor: T + 2000, seen: { a: T + 1000, b: T + 2000 } });
		expect(selectNew(next, [record('a', 1000), record('b', 2000), record('c', 2000)]).map((entry) => entry.id)).toEqual(['c']);
	});

	it('reads back an hour before the newest time, for records that show up late', () => {
		const position = advance(startPosition('k', T), [record('late-edge', 0), record('n', 3 * LOOKBACK_MS)]);
		expect(floorOf(position)).toBe(T + 2 * LOOKBACK_MS);
		expect(position.seen).toEqual({ n: T + 3 * LOOKBACK_MS });
		expect(selectNew(position, [record('late', 2.5 * LOOKBACK_MS), record('too-late', 1.5 * LOOKBACK_MS)]).map((entry) => entry.id)).toEqual(['late']);
	});

	it('bounds the IDs it keeps, newest kept', () => {
		const many = Array.from({ length: MAX_SEEN + 10 }, (_, index) => record(`r${index}`, index));
		const position = advance(startPosition('k', T), many);
		expect(Object.keys(position.seen)).toHaveLength(MAX_SEEN);
		expect(position.seen[`r${MAX_SEEN + 9}`]).toBe(T + MAX_SEEN + 9);
		expect(position.seen.r0).toBeUndefined();
	});

	it('starts afresh for another event or account, or a damaged position', () => {
		const staticData = { position: { key: 'newMedia:1', startedAt: T, cursor: T, seen: { a: T, b: 'x' } } };
		expect(readPosition(staticData, 'newMedia:1')).toEqual({ key: 'newMedia:1', startedAt: T, cursor: T, seen: { a: T } });
		expect(readPosition(staticData, 'newMedia:2')).toBeUndefined();
		expect(readPosition({ position: { key: 'newMedia:1' } }, 'newMedia:1')).toBeUndefined();
		expect(readPosition({}, 'newMedia:1')).toBeUndefined();
	});
});

describe('token refresh state', () => {
	const NOW = Date.parse('2026-11-22T10:00:00Z');
	const ig = (extra: Record<string, string> = {}) => ({ loginType: 'instagramLogin', accessToken: 'IGAA-token-1234', ...extra });

	it('uses the Access Token as it is with Facebook Login and before any state', () => {
		expect(tokenInUse({ loginType: 'facebookLogin', accessToken: ' EAAB ', refreshedToken: 'x' }, NOW)).toEqual({ token: 'EAAB', refreshDue: false });
		expect(tokenInUse(ig(), NOW)).toEqual({ token: 'IGAA-token-1234', refreshDue: false });
	});

	it('uses the refreshed token, due once its time has come, and a pasted token starts over', () => {
		const state = refreshedFields('IGAA-token-1234', 'IGAA-new', 60 * DAY_MS, NOW) as Record<string, string>;
		expect(state).toEqual({
			refreshedToken: 'IGAA-new',
			refreshedExpiresAt: new Date(NOW + 60 * DAY_MS).toISOString(),
			refreshDueAt: new Date(NOW + 7 * DAY_MS).toISOString(),
			refreshedFrom: tokenFingerprint('IGAA-token-1234'),
		});
		expect(tokenInUse(ig(state), NOW)).toEqual({ token: 'IGAA-new', refreshDue: false });
		expect(tokenInUse(ig(state), NOW + 7 * DAY_MS)).toEqual({ token: 'IGAA-new', refreshDue: true });
		expect(tokenInUse({ ...ig(state), accessToken: 'IGAA-pasted-1' }, NOW)).toEqual({ token: 'IGAA-pasted-1', refreshDue: true });
	});

	it('refreshes a short-lived answer a day before it expires, never within the first day', () => {
		expect((refreshedFields('a', 'b', 3 * DAY_MS, NOW) as Record<string, string>).refreshDueAt).toBe(new Date(NOW + 2 * DAY_MS).toISOString());
		expect((refreshedFields('a', 'b', 12 * HOUR_MS, NOW) as Record<string, string>).refreshDueAt).toBe(new Date(NOW + DAY_MS).toISOString());
		expect((firstSightFields('a', NOW) as Record<string, string>).refreshDueAt).toBe(new Date(NOW + DAY_MS).toISOString());
	});

	it("reads Meta's refresh answer, tolerating a string or missing expires_in", () => {
		expect(readRefreshResponse({ access_token: 'n', token_type: 'bearer', expires_in: 5183944 })).toEqual({ token: 'n', expiresInMs: 5183944000 });
		expect(readRefreshResponse({ access_token: 'n', expires_in: '100' })).toEqual({ token: 'n', expiresInMs: 100000 });
		expect(readRefreshResponse({ access_token: 'n' })).toEqual({ token: 'n', expiresInMs: 60 * DAY_MS });
		expect(readRefreshResponse({ token_type: 'bearer' })).toBeUndefined();
		expect(readRefreshResponse('nope')).toBeUndefined();
	});

	it('tells a refusal from a failure that may pass, and keeps the token out of the words', () => {
		expect(readRefreshFailure(400, { error: { message: 'Bad token abc12345678', code: 190 } }, ['abc12345678'])).toEqual({
			detail: 'Bad token [redacted] (code 190)',
			transient: false,
		});
		expect(readRefreshFailure(400, { error: { message: 'Busy', code: '2' } }, [])).toEqual({ detail: 'Busy (code 2)', transient: true });
		expect(readRefreshFailure(502, 'gateway', [])).toEqual({ detail: 'Meta answered HTTP 502', transient: true });
	});

	it('refreshes at the Base URL when one is set', () => {
		expect(refreshUrl('')).toBe('https://graph.instagram.com/refresh_access_token');
		expect(refreshUrl('http://127.0.0.1:8787/instagram/')).toBe('http://127.0.0.1:8787/instagram/refresh_access_token');
	});

	it('asks n8n for the refresh with a 401 of its own', () => {
		expect(new TokenRefreshDue().response).toEqual({ status: 401 });
	});
});

describe("Meta's hashtag limit", () => {
	const response = (body: unknown) => ({ statusCode: 400, headers: {}, body });

	it('is recognised by subcode, by code 24 about hashtags, or by its words; and never retried', () => {
		const bySubcode = { error: { message: 'Limit', code: 24, error_subcode: 2207024 } };
		const byWords = { error: { message: 'You reached the maximum of 30 hashtags', code: 4, is_transient: true } };
		expect(isHashtagLimit(readGraphError(bySubcode))).toBe(true);
		expect(isHashtagLimit(readGraphError(byWords))).toBe(true);
		expect(isHashtagLimit(readGraphError({ error: { message: '(#24) hashtag query', code: 24 } }))).toBe(true);
		expect(isHashtagLimit(readGraphError({ error: { message: 'Application request limit reached', code: 4 } }))).toBe(false);
		expect(classifyGraphResponse(response(byWords))).toEqual({ outcome: 'fail' });
		expect(describeGraphError(response(bySubcode), 'facebookLogin')).toMatchObject({
			message: 'Limit (An Instagram account may query 30 unique hashtags per 7 days)',
			code: '24 (subcode 2207024)',
		});
	});
});
