/**
 * Data365 emulator, mounted at `/data365`, serving both APIs a token may belong to:
 *
 * - Graph API (credential Base URL `<sandbox>/data365`):
 *   `GET /{media|user|tag}/{id}?fields=<graph request>&access_token=...[&from_date&to_date]`,
 *   answered as `{ error: {}, data, status: "ok" }`. A node seen for the first
 *   time answers 202 `RequestAccepted`; Relay connections (`media`, `comments`)
 *   with `first(N)`, `last(N)`, `after("c")`, `before("c")`; the seed's error types.
 * - v1.1 (credential Base URL `<sandbox>/data365/v1.1`):
 *   `POST|GET /v1.1/instagram/{profile|tag|post}/{id}/update`, `GET .../{id}`,
 *   `GET .../profile/{id}/feed/posts`, `.../tag/{id}/posts`, `.../post/{id}/comments`
 *   with `cursor` and `max_page_size`.
 *
 * Behaviour by ID or name prefix (so a separate n8n process can pick a path):
 *   `missing…`  404 NodeNotExistsError / NotFoundError (v1.1 tasks fail)
 *   `broken…`   500 InternalServerError on every request
 *   `never…`    always loading (Graph 202) / task always pending (v1.1)
 *   `cached…`   ready at once: no 202, v1.1 data readable without a task
 *   `slowN-…`   N loading answers (Graph) / N unfinished polls (v1.1), e.g. `slow3_juice`
 *   `updatingN-…` Graph: the first N data answers say `is_being_updated: true`
 *   `failing…`  v1.1 task ends in `fail`;  `canceled…` v1.1 task ends in `canceled`
 *   `…popular…` media with `size` comments (others have 0 to 30)
 * Otherwise a node loads with `loadingPolls` 202s (default 1) and is then ready.
 * Tokens: any non-empty `access_token` is valid unless it starts with `invalid`.
 */
import { childRandom, type Random } from '../fixtures';
import { queryValue, type ModuleContext, type Route, type SandboxModule, type SandboxReply, type SandboxRequest } from '../server';

export interface Data365SandboxOptions {
	/** Loading answers before a node is ready (Graph) / unfinished polls of a task (v1.1). Default 1. */
	loadingPolls?: number;
	/** Graph: data answers with `is_being_updated: true` once loaded. Default 0. */
	updatingPolls?: number;
}

type Json = Record<string, unknown>;
type NodeType = 'media' | 'user' | 'tag';

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
const HOUR = 3_600_000;
const TAG_WORDS = ['juice', 'spacex', 'travel', 'coffee', 'photography', 'design', 'summer', 'food'];

function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19);
}

function unix(ms: number): number {
	return Math.floor(ms / 1000);
}

function prefixCount(id: string, prefix: string): number | undefined {
	const match = new RegExp(`^${prefix}(\\d+)(?:[-_]|$)`).exec(id);
	return match ? Number(match[1]) : undefined;
}

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

interface Store {
	user(username: string): Json;
	tag(name: string): Json;
	media(idOrShortcode: string): Json;
	mediaOf(type: 'user' | 'tag', id: string): Json[];
	commentsOf(mediaId: string): Json[];
}

function createStore(context: ModuleContext): Store {
	const users = new Map<string, Json>();
	const tags = new Map<string, Json>();
	const media = new Map<string, Json>();
	const lists = new Map<string, Json[]>();
	const comments = new Map<string, Json[]>();

	const owner = (random: Random, username: string, id?: string): Json => ({
		id: id ?? random.digits(10),
		username,
		profile_pic_url: `https://cdn.example.com/${username}.jpg`,
		type: 'user',
		full_name: `${username[0].toUpperCase()}${username.slice(1)} ${random.words(1)}`,
	});

	const makeMedia = (random: Random, postedAt: number, by: Json, tag?: string, seedId?: string): Json => {
		const id = seedId && /^\d+$/.test(seedId) ? seedId : random.digits(19);
		const type = random.pick(['GraphImage', 'GraphVideo', 'GraphSidecar']);
		const tagsOfPost = [...new Set([...(tag ? [tag] : []), random.pick(TAG_WORDS), random.pick(TAG_WORDS)])];
		const location = random.chance(0.4)
			? { id: random.digits(9), name: `${random.words(1)} park`, slug: 'park', has_public_page: true }
			: null;
		const item: Json = {
			id,
			shortcode: seedId && !/^\d+$/.test(seedId) ? seedId : random.token(11),
			created_time: isoSeconds(postedAt),
			timestamp: unix(postedAt),
			media_type: type,
			media_url: `https://cdn.example.com/media/${id}.jpg`,
			caption: [`${random.words(5)} ${tagsOfPost.map((t) => `#${t}`).join(' ')}`],
			tagged_user_media: [],
			tagged_user_text: [],
			tags: tagsOfPost,
			like_count: random.int(0, 5000),
			comment_count: random.int(0, 30),
			video_view_count: type === 'GraphVideo' ? random.int(100, 50_000) : null,
			owner_id: by.id,
			location_id: location?.id ?? null,
			last_update: unix(NOW - random.int(1, 48) * HOUR),
			is_being_updated: false,
			location,
			owner: by,
		};
		if (String(item.id).includes('popular') || String(item.shortcode).includes('popular')) item.comment_count = context.size;
		media.set(String(item.id), item);
		media.set(String(item.shortcode), item);
		return item;
	};

	const store: Store = {
		user: (username) => {
			let user = users.get(username);
			if (!user) {
				const random = childRandom(context.seed, `user:${username}`);
				const self = owner(random, username);
				user = {
					...self,
					biography: random.words(8),
					external_url: `https://${username}.example.com`,
					connected_fb_page: null,
					is_private: false,
					is_verified: random.chance(0.3),
					follower_count: random.int(10, 2_000_000),
					follow_count: random.int(0, 1000),
					media_count: context.size,
					saved_media_count: 0,
					collection_count: 0,
					last_update: unix(NOW - 3 * HOUR),
					is_being_updated: false,
				};
				users.set(username, user);
			}
			return user;
		},
		tag: (name) => {
			let tag = tags.get(name);
			if (!tag) {
				const random = childRandom(context.seed, `tag:${name}`);
				tag = {
					id: name,
					profile_pic_url: `https://cdn.example.com/tags/${name}.jpg`,
					media_count: random.int(context.size, 10_000_000),
					last_update: unix(NOW - 2 * HOUR),
					is_being_updated: false,
				};
				tags.set(name, tag);
			}
			return tag;
		},
		media: (idOrShortcode) => {
			const known = media.get(idOrShortcode);
			if (known) return known;
			const random = childRandom(context.seed, `media:${idOrShortcode}`);
			return makeMedia(random, NOW - random.int(1, 500) * HOUR, owner(random, `user${random.int(1, 999)}`), undefined, idOrShortcode);
		},
		mediaOf: (type, id) => {
			const key = `${type}:${id}`;
			let list = lists.get(key);
			if (!list) {
				const random = childRandom(context.seed, `list:${key}`);
				const by = type === 'user' ? ownerOf(store.user(id)) : undefined;
				list = Array.from({ length: context.size }, (_, index) =>
					makeMedia(
						random,
						NOW - (index + 1) * 5 * HOUR,
						by ?? owner(random, `user${random.int(1, 999)}`),
						type === 'tag' ? id : undefined,
					),
				);
				lists.set(key, list);
			}
			return list;
		},
		commentsOf: (mediaId) => {
			let list = comments.get(mediaId);
			if (!list) {
				const item = store.media(mediaId);
				const random = childRandom(context.seed, `comments:${String(item.id)}`);
				const posted = Date.parse(`${String(item.created_time)}Z`);
				list = Array.from({ length: Number(item.comment_count) }, (_, index) => {
					const at = posted + (index + 1) * 60_000;
					const by = owner(random, `fan${random.int(1, 9999)}`);
					return {
						id: random.digits(17),
						parent_id: item.id,
						created_time: isoSeconds(at),
						timestamp: unix(at),
						text: random.words(4),
						owner_id: by.id,
						last_update: unix(NOW - HOUR),
						is_being_updated: false,
						owner: by,
					};
				});
				comments.set(mediaId, list);
				comments.set(String(item.id), list);
				comments.set(String(item.shortcode), list);
			}
			return list;
		},
	};
	return store;
}

function ownerOf(user: Json): Json {
	const { id, username, profile_pic_url, type, full_name } = user;
	return { id, username, profile_pic_url, type, full_name };
}

function filterByDate(items: Json[], from?: string, to?: string): Json[] {
	const fromMs = from ? Date.parse(`${from}T00:00:00Z`) : undefined;
	const toMs = to ? Date.parse(`${to}T00:00:00Z`) + 86_400_000 : undefined;
	return items.filter((item) => {
		const at = Number(item.timestamp) * 1000;
		return (fromMs === undefined || at >= fromMs) && (toMs === undefined || at < toMs);
	});
}

// ---------------------------------------------------------------------------
// The graph request language (an implementation of its own, not the node's)
// ---------------------------------------------------------------------------

interface Selected {
	name: string;
	args: Record<string, string>;
	/** Argument texts as sent, for checks such as "cursor in quotes". */
	rawArgs: Record<string, string>;
	children?: Selected[];
}

class GraphError extends Error {}

function parseFields(source: string): Selected[] {
	const tokens = source.match(/"(?:[^"\\]|\\.)*"|[“”][^“”]*[“”]|[A-Za-z_][A-Za-z0-9_]*|-?\d+|[{}(),.]|\S/g) ?? [];
	let index = 0;
	const peek = () => tokens[index];
	const take = (expected?: string) => {
		const token = tokens[index++];
		if (expected !== undefined && token !== expected) {
			throw new GraphError(`Syntax Error: Expected "${expected}", found ${token === undefined ? '<EOF>' : `"${token}"`}`);
		}
		return token;
	};
	const selection = (): Selected[] => {
		const fields: Selected[] = [];
		do {
			if (fields.length) take(',');
			const name = take();
			if (!name || !/^[A-Za-z_]/.test(name)) throw new GraphError(`Syntax Error: Expected Name, found ${name ?? '<EOF>'}`);
			const field: Selected = { name, args: {}, rawArgs: {} };
			while (peek() === '.') {
				take('.');
				const call = take();
				take('(');
				const raw = take();
				take(')');
				field.rawArgs[call] = raw;
				field.args[call] = raw.replace(/^["“”]|["“”]$/g, '').replace(/\\(.)/g, '$1');
			}
			if (peek() === '{') {
				take('{');
				field.children = selection();
				take('}');
			}
			fields.push(field);
		} while (peek() === ',');
		return fields;
	};
	const fields = selection();
	if (index < tokens.length) throw new GraphError(`Syntax Error: Unexpected "${tokens[index]}"`);
	return fields;
}

const OWNER_FIELDS = ['id', 'username', 'profile_pic_url', 'type', 'full_name'];
const LOCATION_FIELDS = ['id', 'name', 'slug', 'has_public_page'];
const MEDIA_FIELDS = [
	'id', 'shortcode', 'created_time', 'timestamp', 'media_type', 'media_url', 'caption', 'tagged_user_media',
	'tagged_user_text', 'tags', 'like_count', 'comment_count', 'video_view_count', 'owner_id', 'location_id',
	'last_update', 'is_being_updated',
];
const USER_FIELDS = [
	'id', 'username', 'profile_pic_url', 'type', 'full_name', 'biography', 'external_url', 'connected_fb_page',
	'is_private', 'is_verified', 'follower_count', 'follow_count', 'media_count', 'saved_media_count',
	'collection_count', 'last_update', 'is_being_updated',
];
const TAG_FIELDS = ['id', 'profile_pic_url', 'media_count', 'last_update', 'is_being_updated'];
const COMMENT_FIELDS = ['id', 'parent_id', 'created_time', 'timestamp', 'text', 'owner_id', 'last_update', 'is_being_updated'];

interface TypeSchema {
	name: string;
	scalars: string[];
	objects?: Record<string, { type: string; fields: string[] }>;
	connections?: Record<string, string>;
}

const SCHEMA: Record<string, TypeSchema> = {
	Media: {
		name: 'Media',
		scalars: MEDIA_FIELDS,
		objects: { owner: { type: 'Owner', fields: OWNER_FIELDS }, location: { type: 'Location', fields: LOCATION_FIELDS } },
		connections: { comments: 'Comment' },
	},
	User: { name: 'User', scalars: USER_FIELDS, connections: { media: 'Media' } },
	Tag: { name: 'Tag', scalars: TAG_FIELDS, connections: { media: 'Media' } },
	Comment: { name: 'Comment', scalars: COMMENT_FIELDS, objects: { owner: { type: 'Owner', fields: OWNER_FIELDS } } },
};

function didYouMean(name: string, known: string[]): string {
	const close = known.find((candidate) => candidate.replace(/_/g, '') === name.replace(/_/g, '') || candidate.startsWith(name) || name.startsWith(candidate));
	return close ? ` Did you mean "${close}"?` : '';
}

function unknownField(name: string, type: string, known: string[]): GraphError {
	return new GraphError(`Cannot query field "${name}" on type "${type}".${didYouMean(name, known)}`);
}

const CURSOR_PREFIX = 'arrayconnection:';
const encodeCursor = (index: number) => Buffer.from(`${CURSOR_PREFIX}${index}`).toString('base64');
function decodeCursor(cursor: string): number {
	const decoded = Buffer.from(cursor, 'base64').toString('utf8');
	if (!decoded.startsWith(CURSOR_PREFIX) || !/^\d+$/.test(decoded.slice(CURSOR_PREFIX.length))) {
		throw new GraphError(`Invalid cursor: "${cursor}"`);
	}
	return Number(decoded.slice(CURSOR_PREFIX.length));
}

interface ResolveContext {
	connectionItems(parent: Json, connection: string): Json[];
	cursor(computed: string | undefined): string | undefined;
}

function resolveObject(value: Json, fields: Selected[], schema: TypeSchema, context: ResolveContext): Json {
	const result: Json = {};
	for (const field of fields) {
		if (schema.scalars.includes(field.name)) {
			if (field.children) throw new GraphError(`Field "${field.name}" of type "${schema.name}" must not have a selection of subfields.`);
			result[field.name] = value[field.name] ?? null;
			continue;
		}
		const object = schema.objects?.[field.name];
		if (object) {
			if (!field.children) throw new GraphError(`Field "${field.name}" of type "${object.type}" must have a selection of subfields.`);
			const inner = value[field.name] as Json | null | undefined;
			if (!inner) {
				result[field.name] = null;
				continue;
			}
			const out: Json = {};
			for (const child of field.children) {
				if (!object.fields.includes(child.name)) throw unknownField(child.name, object.type, object.fields);
				out[child.name] = inner[child.name] ?? null;
			}
			result[field.name] = out;
			continue;
		}
		const connectionType = schema.connections?.[field.name];
		if (connectionType) {
			result[field.name] = resolveConnection(value, field, connectionType, context);
			continue;
		}
		const known = [...schema.scalars, ...Object.keys(schema.objects ?? {}), ...Object.keys(schema.connections ?? {})];
		throw unknownField(field.name, schema.name, known);
	}
	return result;
}

function resolveConnection(parent: Json, field: Selected, nodeType: string, context: ResolveContext): Json {
	if (!field.children) throw new GraphError(`Field "${field.name}" must have a selection of subfields.`);
	for (const [call, raw] of Object.entries(field.rawArgs)) {
		if (!['first', 'last', 'after', 'before'].includes(call)) throw new GraphError(`Unknown argument "${call}" on field "${field.name}".`);
		if ((call === 'after' || call === 'before') && !/^["“].*["”]$/.test(raw)) {
			throw new GraphError(`Argument "${call}" has invalid value ${raw}. Expected type "String", the cursor must be in quotes.`);
		}
		if ((call === 'first' || call === 'last') && !/^\d+$/.test(raw)) {
			throw new GraphError(`Argument "${call}" has invalid value ${raw}. Expected type "Int".`);
		}
	}
	const items = context.connectionItems(parent, field.name);
	let start = 0;
	let end = items.length;
	if (field.args.after !== undefined) start = decodeCursor(field.args.after) + 1;
	if (field.args.before !== undefined) end = Math.min(end, decodeCursor(field.args.before));
	if (field.args.first !== undefined) end = Math.min(end, start + Number(field.args.first));
	if (field.args.last !== undefined) start = Math.max(start, end - Number(field.args.last));
	start = Math.min(start, items.length);
	end = Math.max(start, end);
	const slice = items.slice(start, end);
	const result: Json = {};
	for (const child of field.children) {
		if (child.name === 'page_info') {
			const info: Json = {};
			const values: Json = {
				has_next_page: end < items.length,
				has_previous_page: start > 0,
				start_cursor: slice.length ? encodeCursor(start) : null,
				end_cursor: slice.length ? context.cursor(encodeCursor(end - 1)) : null,
			};
			for (const key of child.children ?? []) {
				if (!(key.name in values)) throw unknownField(key.name, 'PageInfo', Object.keys(values));
				info[key.name] = values[key.name];
			}
			result.page_info = info;
		} else if (child.name === 'edges') {
			const node = (child.children ?? []).find((candidate) => candidate.name === 'node');
			const other = (child.children ?? []).find((candidate) => candidate.name !== 'node');
			if (other) throw unknownField(other.name, 'Edge', ['node']);
			result.edges = slice.map((item) => {
				if (!node?.children) return {};
				const resolved = resolveObject(item, node.children, SCHEMA[nodeType], context);
				// As in the seed's samples: every node says how fresh it is.
				return { node: { timestamp: item.timestamp, last_update: item.last_update, is_being_updated: item.is_being_updated, ...resolved } };
			});
		} else {
			throw unknownField(child.name, `${nodeType}Connection`, ['page_info', 'edges']);
		}
	}
	return result;
}

// ---------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------

function tokenState(request: SandboxRequest): 'missing' | 'invalid' | 'ok' {
	const token = queryValue(request, 'access_token');
	if (!token) return 'missing';
	return token.startsWith('invalid') ? 'invalid' : 'ok';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function createData365Module(options: Data365SandboxOptions = {}): SandboxModule {
	const defaultLoading = options.loadingPolls ?? 1;
	const defaultUpdating = options.updatingPolls ?? 0;
	return {
		name: 'Data365 (Graph API at /data365, v1.1 at /data365/v1.1)',
		prefix: '/data365',
		routes: (context) => {
			const store = createStore(context);
			const loadingPollsOf = (id: string) =>
				id.startsWith('cached') ? 0 : id.startsWith('never') ? Number.POSITIVE_INFINITY : (prefixCount(id, 'slow') ?? defaultLoading);

			// ---------------- Graph API ----------------
			const graphSeen = new Map<string, { requests: number; dataAnswers: number }>();
			const graphReply = (status: number, type: string, message: string): SandboxReply => ({
				status,
				body: { error: { message, type }, data: {}, status: type },
			});
			const graphRoute: Route = {
				method: 'GET',
				path: '/:type/:id',
				handler: (request) => {
					const type = request.params.type as NodeType;
					const id = request.params.id;
					if (!['media', 'user', 'tag'].includes(type)) {
						return graphReply(400, 'InvalidRequestError', `Unknown node type "${type}". Use media, user or tag.`);
					}
					const token = tokenState(request);
					if (token !== 'ok') {
						return graphReply(403, 'AuthenticationError', token === 'missing' ? 'Access token is not provided' : 'Invalid access token');
					}
					let fields: Selected[];
					try {
						fields = parseFields(queryValue(request, 'fields') ?? 'id');
					} catch (error) {
						return graphReply(400, 'InvalidRequestError', (error as Error).message);
					}
					for (const name of ['from_date', 'to_date']) {
						const value = queryValue(request, name);
						if (value !== undefined && !DATE.test(value)) {
							return graphReply(400, 'InvalidRequestError', `Invalid value for ${name}: "${value}". Format: yyyy-mm-dd`);
						}
					}
					if (id.startsWith('missing')) return graphReply(404, 'NodeNotExistsError', `Some nodes you requested cannot be loaded: ${id}`);
					if (id.startsWith('broken')) return graphReply(500, 'InternalServerError', 'Internal server error');

					const key = `${type}/${id}`;
					const seen = graphSeen.get(key) ?? { requests: 0, dataAnswers: 0 };
					graphSeen.set(key, seen);
					seen.requests += 1;
					if (seen.requests <= loadingPollsOf(id)) {
						return {
							status: 202,
							body: {
								error: { message: `Some nodes you requested are being loaded now: ${id}. Try again later`, type: 'RequestAccepted' },
								data: {},
								status: 'accepted',
							},
						};
					}
					seen.dataAnswers += 1;
					const updating = seen.dataAnswers <= (prefixCount(id, 'updating') ?? defaultUpdating);
					const root = type === 'user' ? store.user(id) : type === 'tag' ? store.tag(id) : store.media(id);
					const from = queryValue(request, 'from_date');
					const to = queryValue(request, 'to_date');
					const resolveContext: ResolveContext = {
						connectionItems: (parent, connection) => {
							if (connection === 'comments') return store.commentsOf(String(parent.id));
							const list = store.mediaOf(type === 'tag' ? 'tag' : 'user', id);
							return filterByDate(list, from, to);
						},
						cursor: (computed) => context.cursor('GET /data365/:type/:id', computed),
					};
					try {
						const schema = SCHEMA[type === 'user' ? 'User' : type === 'tag' ? 'Tag' : 'Media'];
						const data = resolveObject(
							{ ...root, is_being_updated: updating, last_update: updating ? root.last_update : unix(NOW) },
							fields,
							schema,
							resolveContext,
						);
						return { status: 200, body: { error: {}, data, status: 'ok' } };
					} catch (error) {
						if (error instanceof GraphError) return graphReply(400, 'InvalidRequestError', error.message);
						throw error;
					}
				},
			};

			// ---------------- v1.1 ----------------
			interface Task {
				task_id: string;
				polls: number;
				parameters: Record<string, string>;
				finished: boolean;
			}
			const tasks = new Map<string, Task>();
			const collected = new Map<string, Record<string, string>>();
			let taskCounter = 0;
			const v11Fail = (status: number, code: string, message: string): SandboxReply => ({
				status,
				body: { status: 'fail', error: { code, message }, data: null },
			});
			const v11Ok = (data: unknown): SandboxReply => ({ status: 200, body: { status: 'ok', data, error: null } });
			const kinds: Record<string, NodeType> = { profile: 'user', tag: 'tag', post: 'media' };
			const kindWord: Record<string, string> = { profile: 'Profile', tag: 'Hashtag', post: 'Post' };

			const guard = (request: SandboxRequest): SandboxReply | undefined => {
				const token = tokenState(request);
				if (token !== 'ok') {
					return v11Fail(401, 'AuthenticationError', token === 'missing' ? 'access_token is required' : 'Invalid access_token');
				}
				if (!(request.params.kind in kinds)) return v11Fail(404, 'NotFoundError', `Unknown object type "${request.params.kind}"`);
				if (request.params.id.startsWith('broken')) return v11Fail(500, 'InternalServerError', 'Internal server error');
				for (const name of ['from_date', 'to_date']) {
					const value = queryValue(request, name);
					if (value !== undefined && !DATE.test(value)) {
						return v11Fail(400, 'ValidationError', `${name}: "${value}" is not a date in the format YYYY-MM-DD`);
					}
				}
				for (const name of ['max_posts', 'max_comments', 'max_page_size']) {
					const value = queryValue(request, name);
					if (value !== undefined && (!/^\d+$/.test(value) || Number(value) < 1)) {
						return v11Fail(400, 'ValidationError', `${name}: "${value}" is not a positive integer`);
					}
				}
				const pageSize = queryValue(request, 'max_page_size');
				if (pageSize !== undefined && Number(pageSize) > 100) {
					return v11Fail(400, 'ValidationError', `max_page_size: must be at most 100, got ${pageSize}`);
				}
				return undefined;
			};
			const keyOf = (request: SandboxRequest) => `${request.params.kind}/${request.params.id}`;
			const readable = (request: SandboxRequest): SandboxReply | undefined => {
				const { kind, id } = request.params;
				if (id.startsWith('missing') || (!collected.has(keyOf(request)) && !id.startsWith('cached'))) {
					return v11Fail(404, 'NotFoundError', `${kindWord[kind]} ${id} not found. Create an update task first.`);
				}
				return undefined;
			};
			const page = (request: SandboxRequest, routeKey: string, all: Json[], cap?: number): SandboxReply => {
				const items = cap !== undefined ? all.slice(0, cap) : all;
				const start = Number(Buffer.from(queryValue(request, 'cursor') ?? '', 'base64').toString('utf8') || 0);
				const size = Number(queryValue(request, 'max_page_size') ?? 20);
				const slice = items.slice(start, start + size);
				const end = start + slice.length;
				const next = end < items.length ? Buffer.from(String(end)).toString('base64') : undefined;
				const cursor = context.cursor(routeKey, next);
				return v11Ok({ items: slice, page_info: { has_next_page: cursor !== undefined, cursor: cursor ?? null } });
			};
			const capOf = (request: SandboxRequest, parameter: string): number | undefined => {
				const value = collected.get(keyOf(request))?.[parameter];
				return value !== undefined ? Number(value) : undefined;
			};
			const objectOf = (request: SandboxRequest): Json => {
				const { kind, id } = request.params;
				const type = kinds[kind];
				const value = type === 'user' ? store.user(id) : type === 'tag' ? store.tag(id) : store.media(id);
				return { ...value, last_update: unix(NOW) };
			};
			const v11Routes: Route[] = [
				{
					method: 'POST',
					path: '/v1.1/instagram/:kind/:id/update',
					handler: (request) => {
						const refused = guard(request);
						if (refused) return refused;
						taskCounter += 1;
						const task: Task = {
							task_id: `task-${String(taskCounter).padStart(4, '0')}-${request.params.id}`,
							polls: 0,
							parameters: Object.fromEntries(
								Object.entries(request.query)
									.filter(([name]) => name !== 'access_token')
									.map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
							),
							finished: false,
						};
						tasks.set(keyOf(request), task);
						return { status: 202, body: { status: 'accepted', data: { task_id: task.task_id }, error: null } };
					},
				},
				{
					method: 'GET',
					path: '/v1.1/instagram/:kind/:id/update',
					handler: (request) => {
						const refused = guard(request);
						if (refused) return refused;
						const { kind, id } = request.params;
						const task = tasks.get(keyOf(request));
						if (!task) return v11Ok({ status: 'unknown' });
						task.polls += 1;
						const pending = loadingPollsOf(id);
						let status: string;
						let message: string | undefined;
						if (task.polls <= pending) status = task.polls === 1 ? 'created' : 'pending';
						else if (id.startsWith('missing')) {
							status = 'fail';
							message = `${kindWord[kind]} ${id} does not exist or is private`;
						} else if (id.startsWith('failing')) {
							status = 'fail';
							message = 'Instagram did not answer';
						} else if (id.startsWith('canceled')) status = 'canceled';
						else {
							status = 'finished';
							if (!task.finished) {
								task.finished = true;
								collected.set(keyOf(request), task.parameters);
							}
						}
						return v11Ok({ task_id: task.task_id, status, ...(message ? { message } : {}) });
					},
				},
				{
					method: 'GET',
					path: '/v1.1/instagram/:kind/:id',
					handler: (request) => guard(request) ?? readable(request) ?? v11Ok(objectOf(request)),
				},
				{
					method: 'GET',
					path: '/v1.1/instagram/profile/:id/feed/posts',
					handler: (request) => {
						request.params.kind = 'profile';
						const refused = guard(request) ?? readable(request);
						if (refused) return refused;
						const posts = filterByDate(store.mediaOf('user', request.params.id), queryValue(request, 'from_date'), queryValue(request, 'to_date'));
						return page(request, 'GET /data365/v1.1/instagram/profile/:id/feed/posts', posts, capOf(request, 'max_posts'));
					},
				},
				{
					method: 'GET',
					path: '/v1.1/instagram/tag/:id/posts',
					handler: (request) => {
						request.params.kind = 'tag';
						const refused = guard(request) ?? readable(request);
						if (refused) return refused;
						const posts = filterByDate(store.mediaOf('tag', request.params.id), queryValue(request, 'from_date'), queryValue(request, 'to_date'));
						return page(request, 'GET /data365/v1.1/instagram/tag/:id/posts', posts, capOf(request, 'max_posts'));
					},
				},
				{
					method: 'GET',
					path: '/v1.1/instagram/post/:id/comments',
					handler: (request) => {
						request.params.kind = 'post';
						const refused = guard(request) ?? readable(request);
						if (refused) return refused;
						return page(request, 'GET /data365/v1.1/instagram/post/:id/comments', store.commentsOf(request.params.id), capOf(request, 'max_comments'));
					},
				},
			];
			return [...v11Routes, graphRoute];
		},
	};
}

/** The module with its defaults: one 202 per new node (Graph), one unfinished poll per task (v1.1). */
export const data365Module: SandboxModule = createData365Module();
