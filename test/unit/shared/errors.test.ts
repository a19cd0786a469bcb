import { NodeApiError, type INode } from 'n8n-workflow';

import { buildApiError, redactText, redactValue } from '../../../nodes/shared/errors';

const node: INode = { id: '1', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

describe('redactText', () => {
	it('removes access_token query values, Bearer tokens and Authorization headers', () => {
		expect(redactText('GET https://x/y?fields=id&access_token=EAAB123&limit=5')).toBe(
			'GET https://x/y?fields=id&access_token=[redacted]&limit=5',
		);
		expect(redactText('sent Authorization: Bearer abc.def-123')).toBe('sent Authorization: [redacted]');
		expect(redactText('token Bearer abc.def-123 was refused')).toBe('token Bearer [redacted] was refused');
		expect(redactText('{"Authorization":"Bearer xyz"}')).toBe('{"Authorization":"[redacted]"}');
		expect(redactText('proof appsecret_proof=ff00&x=1')).toBe('proof appsecret_proof=[redacted]&x=1');
	});
	it('removes the literal secret values it is given, raw or URL-encoded', () => {
		expect(redactText('key k3y/with+chars! leaked, k3y%2Fwith%2Bchars! too', ['k3y/with+chars!'])).toBe(
			'key [redacted] leaked, [redacted] too',
		);
	});
	it('leaves ordinary text alone', () => {
		expect(redactText('(#100) The metric shares is not supported for this media type')).toBe(
			'(#100) The metric shares is not supported for this media type',
		);
	});
});

describe('redactValue', () => {
	it('redacts secret keys and secret strings deep in objects and arrays', () => {
		const value = {
			request: { headers: { Authorization: 'Bearer t0ken', accept: 'json' }, qs: { access_token: 't0ken', q: 'x' } },
			list: ['see https://h/p?access_token=t0ken', 'plain'],
			apiKey: 'k',
			empty: { token: '' },
		};
		expect(redactValue(value, ['t0ken'])).toEqual({
			request: { headers: { Authorization: '[redacted]', accept: 'json' }, qs: { access_token: '[redacted]', q: 'x' } },
			list: ['see https://h/p?access_token=[redacted]', 'plain'],
			apiKey: '[redacted]',
			empty: { token: '' },
		});
	});
	it('survives circular references', () => {
		const value: Record<string, unknown> = { a: 1 };
		value.self = value;
		expect(redactValue(value)).toEqual({ a: 1, self: '[circular]' });
	});
});

describe('buildApiError', () => {
	it('carries the provider message, code, request id and hint, with nothing secret', () => {
		const error = buildApiError(node, {
			providerName: 'Meta',
			message: 'Invalid OAuth access token EAAsecret',
			code: 190,
			requestId: 'AbC123',
			hint: 'Generate a long-lived token.',
			httpCode: 400,
			body: { error: { message: 'Invalid OAuth access token EAAsecret', fbtrace_id: 'AbC123' } },
			itemIndex: 2,
			secrets: ['EAAsecret'],
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Invalid OAuth access token [redacted]');
		expect(error.description).toBe('Generate a long-lived token. Meta error code: 190. Request ID: AbC123.');
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(2);
		expect(JSON.stringify(error.errorResponse)).not.toContain('EAAsecret');
	});
});
