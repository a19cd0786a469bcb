import {
	classifyGraphResponse,
	describeGraphError,
	encodeQuery,
	isObjectLevelError,
	readGraphError,
	readUsage,
	slowDownMs,
} from '../../../nodes/Instagram/transport';

const error = (code: number, extra: Record<string, unknown> = {}) => ({
	error: { message: `(#${code}) something`, type: 'OAuthException', code, fbtrace_id: 'T1', ...extra },
});

describe('Meta usage headers', () => {
	it('reads the highest percentage and the longest regain time over both headers', () => {
		expect(
			readUsage({
				'X-App-Usage': '{"call_count":28,"total_time":25,"total_cputime":25}',
				'x-business-use-case-usage': JSON.stringify({
					'1': [{ type: 'instagram', call_count: 40, total_time: '61', estimated_time_to_regain_access: 0 }],
					'2': { type: 'instagram', call_count: 12, estimated_time_to_regain_access: '3' },
				}),
			}),
		).toEqual({ percent: 61, regainMs: 180_000 });
	});

	it('tolerates missing or broken headers', () => {
		expect(readUsage({})).toEqual({ percent: 0, regainMs: 0 });
		expect(readUsage({ 'x-app-usage': 'not json', 'x-business-use-case-usage': '[]' })).toEqual({ percent: 0, regainMs: 0 });
	});

	it('slows down from 80 %, doubling every 5 points, capped', () => {
		expect([79, 80, 85, 90, 95, 100, 140].map(slowDownMs)).toEqual([0, 500, 1000, 2000, 4000, 8000, 8000]);
	});
});

describe('classifying Graph responses', () => {
	const response = (statusCode: number, body: unknown, headers = {}) => ({ statusCode, body, headers });

	it('passes successes, with a pause when usage is high', () => {
		expect(classifyGraphResponse(response(200, { id: '1' }))).toEqual({ outcome: 'success' });
		expect(classifyGraphResponse(response(200, {}, { 'x-app-usage': '{"call_count":85}' }))).toEqual({
			outcome: 'success',
			slowDownMs: 1000,
		});
	});

	it('retries throttling codes with the regain time, whatever the HTTP status', () => {
		for (const code of [4, 17, 32, 613, 80000, 80002, 80014]) {
			expect(classifyGraphResponse(response(400, error(code)))).toMatchObject({ outcome: 'retry', waitMs: undefined });
		}
		expect(
			classifyGraphResponse(
				response(403, error(80002), { 'x-business-use-case-usage': '{"1":[{"estimated_time_to_regain_access":2}]}' }),
			),
		).toEqual({ outcome: 'retry', reason: 'Meta is throttling requests (code 80002)', waitMs: 120_000 });
	});

	it('retries codes 1, 2 and transient errors without a stated wait', () => {
		expect(classifyGraphResponse(response(500, error(1)))).toEqual({ outcome: 'retry', reason: 'temporary Meta error (code 1)' });
		expect(classifyGraphResponse(response(500, error(2)))).toMatchObject({ outcome: 'retry' });
		expect(classifyGraphResponse(response(400, error(100, { is_transient: true })))).toMatchObject({ outcome: 'retry' });
	});

	it('fails token, permission and parameter errors at once', () => {
		for (const code of [10, 100, 190, 200, 299, 368]) expect(classifyGraphResponse(response(400, error(code)))).toEqual({ outcome: 'fail' });
	});

	it('falls back to HTTP statuses for bodies that are not Meta errors', () => {
		expect(classifyGraphResponse(response(502, '<html>'))).toMatchObject({ outcome: 'retry' });
		expect(classifyGraphResponse(response(404, {}))).toEqual({ outcome: 'fail' });
	});
});

describe("Meta's error body", () => {
	it('reads codes given as strings and every documented field', () => {
		expect(
			readGraphError({
				error: {
					message: '(#100) x',
					type: 'OAuthException',
					code: '100',
					error_subcode: '33',
					is_transient: false,
					error_user_title: 'Title',
					error_user_msg: 'User message',
					fbtrace_id: 'T9',
				},
			}),
		).toEqual({
			message: '(#100) x',
			type: 'OAuthException',
			code: 100,
			subcode: 33,
			isTransient: false,
			fbtraceId: 'T9',
			userTitle: 'Title',
			userMessage: 'User message',
		});
		expect(readGraphError({ data: [] })).toBeUndefined();
		expect(readGraphError('text')).toBeUndefined();
	});

	it('describes each family of codes in plain words', () => {
		const describe = (body: unknown, loginType: 'facebookLogin' | 'instagramLogin' = 'facebookLogin') =>
			describeGraphError({ statusCode: 400, headers: {}, body }, loginType);
		expect(describe(error(190, { error_subcode: 460 })).hint).toContain('(the password was changed)');
		expect(describe(error(10)).hint).toContain('instagram_basic, instagram_manage_insights, pages_read_engagement and pages_show_list');
		expect(describe(error(4)).hint).toContain('Lower Options > Concurrency');
		expect(describe(error(100, { error_subcode: 2108006 })).hint).toContain('posted before the account became a professional account');
		expect(describe({ error: { message: '(#100) The metric shares is not supported for this media type', code: 100 } }).hint).toContain(
			'On Unsupported Metric',
		);
		expect(describe(error(368)).hint).toContain('policy');
		expect(describe(error(2)).hint).toContain('temporary problem');
		expect(describe(error(100, { error_user_title: 'Bad', error_user_msg: 'Try another' })).hint).toBe('Bad: Try another');
		expect(describe(error(100, { error_subcode: 33 })).code).toBe('100 (subcode 33)');
		expect(describeGraphError({ statusCode: 404, headers: { 'x-fb-trace-id': 'H1' }, body: 'Not Found' }, 'facebookLogin')).toEqual({
			message: 'Instagram Graph API answered HTTP 404',
			requestId: 'H1',
			hint: 'Check the Base URL and the API Version in the credential.',
		});
	});

	it('knows which errors belong to one object', () => {
		expect(isObjectLevelError(readGraphError(error(100)), 400)).toBe(true);
		expect(isObjectLevelError(readGraphError({ error: { message: '(#10) Not enough viewers for the media to show insights', code: 10 } }), 400)).toBe(true);
		expect(isObjectLevelError(readGraphError(error(10)), 403)).toBe(false);
		expect(isObjectLevelError(readGraphError(error(190)), 400)).toBe(false);
		expect(isObjectLevelError(undefined, 404)).toBe(true);
	});
});

it('encodes queries as Meta writes them', () => {
	expect(encodeQuery({ metric: 'reach,saved', fields: 'children{id,media_type}', empty: '', none: undefined, q: 'a b&c' })).toBe(
		'metric=reach,saved&fields=children{id,media_type}&q=a%20b%26c',
	);
});
