/**
 * A local emulator of the providers' APIs on 127.0.0.1, for tests, the demo
 * and benchmarks. Each provider is a module mounted under its own prefix
 * (`/haiilo`, `/instagram`, ...), so a credential's Base URL points at
 * `<sandbox url>/<prefix>`. Built in: deterministic fixtures (seed, size),
 * latency, per-route fault injection, and a request log with counts.
 *
 * Control API (for tests driving a separate n8n process):
 *   GET /__sandbox/log, DELETE /__sandbox/log, POST /__sandbox/faults,
 *   DELETE /__sandbox/faults, POST /__sandbox/reset, GET /__sandbox/health
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Query = Record<string, string | string[]>;

export interface SandboxRequest {
	method: string;
	/** Path below the module prefix, e.g. `/api/v1/shares`. */
	path: string;
	/** Path parameters from the route pattern (`/:id/insights`). */
	params: Record<string, string>;
	query: Query;
	/** The raw query string without `?`, as sent. */
	rawQuery: string;
	headers: IncomingMessage['headers'];
	body: unknown;
}

export interface SandboxReply {
	status?: number;
	headers?: Record<string, string>;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent as it is (for malformed or non-JSON answers). */
	raw?: string;
}

export interface ModuleContext {
	seed: number;
	size: number;
	/** `<sandbox url>/<prefix>`: what a credential's Base URL is set to. */
	baseUrl(): string;
	/**
	 * The next-page value to send for `routeKey`. With a `repeatCursor` fault
	 * active on the route it returns the previous value instead, so a client
	 * sees the same cursor twice.
	 */
	cursor(routeKey: string, computed: string | undefined): string | undefined;
}

export type Handler = (request: SandboxRequest) => SandboxReply | Promise<SandboxReply>;

export interface Route {
	method: string;
	/** A pattern below the module prefix: `/api/v1/shares`, `/:version/:id/insights`, or `*`. */
	path: string;
	handler: Handler;
}

export interface SandboxModule {
	name: string;
	/** Mount point, e.g. `/haiilo`. */
	prefix: string;
	routes(context: ModuleContext): Route[];
}

export type FaultKind = 'status' | 'drop' | 'malformed' | 'repeatCursor' | 'latency';

export interface Fault {
	/** `METHOD /full/path/pattern` as in the log's `route`, a bare `/full/path` prefix, or '*' for every route. */
	route: string;
	kind: FaultKind;
	/** For `status`: the HTTP status (429, 500, ...). */
	status?: number;
	/** For `status`: a Retry-After header value. */
	retryAfter?: string;
	headers?: Record<string, string>;
	body?: unknown;
	/** For `latency`: extra milliseconds. */
	latencyMs?: number;
	/** How many requests it hits; default 1, 0 or Infinity for every request. */
	times?: number;
}

export interface LogEntry {
	method: string;
	/** Full path including the module prefix. */
	path: string;
	/** The matched route, `METHOD /prefix/pattern`, or `unmatched`. */
	route: string;
	query: Query;
	headers: IncomingMessage['headers'];
	body: unknown;
	status: number;
	fault?: FaultKind;
	at: number;
}

export interface SandboxOptions {
	port?: number;
	host?: string;
	seed?: number;
	size?: number;
	/** Added to every request, in milliseconds. */
	latencyMs?: number;
	modules: SandboxModule[];
	/** Keep the log's entries (default true); counts are always kept. */
	keepLog?: boolean;
}

export interface Sandbox {
	url: string;
	/** `<url><prefix>` for a module. */
	baseUrl(prefix: string): string;
	log: LogEntry[];
	/** Requests per route since the last clear. */
	counts(): Record<string, number>;
	totalRequests(): number;
	clearLog(): void;
	addFault(fault: Fault): void;
	clearFaults(): void;
	setLatency(ms: number): void;
	close(): Promise<void>;
}

interface CompiledRoute {
	method: string;
	key: string;
	pattern: RegExp;
	names: string[];
	handler: Handler;
	prefix: string;
}

function compile(prefix: string, route: Route): CompiledRoute {
	const names: string[] = [];
	const source =
		route.path === '*'
			? '(?<rest>.*)'
			: route.path
					.split('/')
					.map((segment) => {
						if (segment.startsWith(':')) {
							names.push(segment.slice(1));
							return '([^/]+)';
						}
						return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
					})
					.join('/');
	return {
		method: route.method.toUpperCase(),
		key: `${route.method.toUpperCase()} ${prefix}${route.path}`,
		pattern: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${source}/?$`),
		names,
		handler: route.handler,
		prefix,
	};
}

function parseQuery(raw: string): Query {
	const query: Query = {};
	if (!raw) return query;
	for (const part of raw.split('&')) {
		if (!part) continue;
		const index = part.indexOf('=');
		const key = decodeURIComponent((index < 0 ? part : part.slice(0, index)).replace(/\+/g, ' '));
		const value = index < 0 ? '' : decodeURIComponent(part.slice(index + 1).replace(/\+/g, ' '));
		const existing = query[key];
		if (existing === undefined) query[key] = value;
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	if (!text) return undefined;
	const type = String(request.headers['content-type'] ?? '');
	if (type.includes('application/x-www-form-urlencoded')) return parseQuery(text);
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function wait(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
	const seed = options.seed ?? 42;
	const size = options.size ?? 100;
	let latencyMs = options.latencyMs ?? 0;
	const keepLog = options.keepLog ?? true;
	let url = '';
	let faults: Array<Fault & { remaining: number }> = [];
	const log: LogEntry[] = [];
	let counts: Record<string, number> = {};
	const lastCursor = new Map<string, string | undefined>();

	const routes: CompiledRoute[] = [];
	for (const module of options.modules) {
		const context: ModuleContext = {
			seed,
			size,
			baseUrl: () => `${url}${module.prefix}`,
			cursor: (routeKey, computed) => {
				const repeat = faults.some(
					(fault) => fault.kind === 'repeatCursor' && fault.remaining > 0 && matchesFault(fault, routeKey, ''),
				);
				if (repeat && lastCursor.has(routeKey)) {
					consumeFault('repeatCursor', routeKey);
					return lastCursor.get(routeKey);
				}
				lastCursor.set(routeKey, computed);
				return computed;
			},
		};
		for (const route of module.routes(context)) routes.push(compile(module.prefix, route));
	}

	function matchesFault(fault: Fault, routeKey: string, path: string): boolean {
		if (fault.route === '*') return true;
		if (fault.route === routeKey) return true;
		return fault.route.startsWith('/') && path !== '' && path.startsWith(fault.route);
	}

	function consumeFault(kind: FaultKind, routeKey: string, path = ''): (Fault & { remaining: number }) | undefined {
		const fault = faults.find((candidate) => candidate.kind === kind && candidate.remaining > 0 && matchesFault(candidate, routeKey, path));
		if (fault) fault.remaining -= 1;
		return fault;
	}

	async function control(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
		const send = (status: number, body: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		const method = request.method ?? 'GET';
		if (path === '/__sandbox/health') return send(200, { ok: true, url });
		if (path === '/__sandbox/log' && method === 'GET') return send(200, { counts, total: sandbox.totalRequests(), log });
		if (path === '/__sandbox/log' && method === 'DELETE') {
			sandbox.clearLog();
			return send(200, { ok: true });
		}
		if (path === '/__sandbox/faults' && method === 'POST') {
			const body = (await readBody(request)) as Fault | Fault[];
			for (const fault of Array.isArray(body) ? body : [body]) sandbox.addFault(fault);
			return send(200, { ok: true, faults: faults.length });
		}
		if (path === '/__sandbox/faults' && method === 'DELETE') {
			sandbox.clearFaults();
			return send(200, { ok: true });
		}
		return send(404, { error: 'unknown sandbox control path' });
	}

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const [rawPath, rawQuery = ''] = (request.url ?? '/').split(/\?(.*)/s, 2);
		const path = decodeURIComponent(rawPath);
		if (path.startsWith('/__sandbox/')) return control(request, response, path);
		const method = (request.method ?? 'GET').toUpperCase();
		const body = await readBody(request);
		let route: CompiledRoute | undefined;
		let match: RegExpExecArray | null = null;
		for (const candidate of routes) {
			if (candidate.method !== method && candidate.method !== '*') continue;
			match = candidate.pattern.exec(path);
			if (match) {
				route = candidate;
				break;
			}
		}
		const routeKey = route?.key ?? 'unmatched';
		counts[routeKey] = (counts[routeKey] ?? 0) + 1;
		const entry: LogEntry = { method, path, route: routeKey, query: parseQuery(rawQuery), headers: request.headers, body, status: 0, at: Date.now() };
		if (keepLog) log.push(entry);

		const extra = consumeFault('latency', routeKey, path);
		const delay = latencyMs + (extra?.latencyMs ?? 0);
		if (delay > 0) await wait(delay);

		if (consumeFault('drop', routeKey, path)) {
			entry.fault = 'drop';
			request.socket.destroy();
			return;
		}
		const statusFault = consumeFault('status', routeKey, path);
		if (statusFault) {
			entry.fault = 'status';
			entry.status = statusFault.status ?? 500;
			response.writeHead(entry.status, {
				'content-type': 'application/json',
				...(statusFault.retryAfter !== undefined ? { 'retry-after': statusFault.retryAfter } : {}),
				...(statusFault.headers ?? {}),
			});
			response.end(JSON.stringify(statusFault.body ?? { error: { message: `Injected HTTP ${entry.status}` } }));
			return;
		}
		if (consumeFault('malformed', routeKey, path)) {
			entry.fault = 'malformed';
			entry.status = 200;
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"data": [ {"id": "truncated"');
			return;
		}
		if (!route || !match) {
			entry.status = 404;
			response.writeHead(404, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ error: { message: `The sandbox has no route for ${method} ${path}` } }));
			return;
		}
		const params: Record<string, string> = {};
		route.names.forEach((name, index) => (params[name] = decodeURIComponent(match![index + 1])));
		if (match.groups?.rest !== undefined) params.rest = match.groups.rest;
		let reply: SandboxReply;
		try {
			reply = await route.handler({
				method,
				path: path.slice(route.prefix.length) || '/',
				params,
				query: entry.query,
				rawQuery,
				headers: request.headers,
				body,
			});
		} catch (error) {
			reply = { status: 500, body: { error: { message: `Sandbox handler failed: ${(error as Error).message}` } } };
		}
		entry.status = reply.status ?? 200;
		if (reply.raw !== undefined) {
			response.writeHead(entry.status, { 'content-type': 'text/plain', ...(reply.headers ?? {}) });
			response.end(reply.raw);
			return;
		}
		response.writeHead(entry.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
		response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
	}

	const server: Server = createServer((request, response) => {
		handle(request, response).catch((error) => {
			if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ error: { message: String(error) } }));
		});
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
	const address = server.address() as AddressInfo;
	url = `http://${address.address}:${address.port}`;

	const sandbox: Sandbox = {
		url,
		baseUrl: (prefix) => `${url}${prefix}`,
		log,
		counts: () => ({ ...counts }),
		totalRequests: () => Object.values(counts).reduce((sum, count) => sum + count, 0),
		clearLog: () => {
			log.length = 0;
			counts = {};
		},
		addFault: (fault) => {
			const times = fault.times === undefined ? 1 : fault.times === 0 ? Number.POSITIVE_INFINITY : fault.times;
			faults.push({ ...fault, remaining: times });
		},
		clearFaults: () => {
			faults = [];
			lastCursor.clear();
		},
		setLatency: (ms) => {
			latencyMs = ms;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
	return sandbox;
}

/** Reads `Authorization: Bearer <token>`; undefined when absent. */
export function bearerToken(request: SandboxRequest): string | undefined {
	const header = request.headers.authorization;
	const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null;
	return match?.[1];
}

/** One value of a query parameter (the first, when repeated). */
export function queryValue(request: SandboxRequest, name: string): string | undefined {
	const value = request.query[name];
	return Array.isArray(value) ? value[0] : value;
}
