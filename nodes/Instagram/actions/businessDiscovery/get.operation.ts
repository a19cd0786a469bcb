import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../../shared/descriptions';
import { redactValue } from '../../../shared/errors';
import { alignColumns, executePerItem, flattenRow } from '../../../shared/output';
import { paginate, type Page } from '../../../shared/pagination';
import { requirePositiveInteger } from '../../../shared/validation';
import { accountIdFor, requireFacebookLogin } from '../../helpers/account';
import { requestSettings, simplifyOf } from '../../helpers/parameters';
import { orderFields } from '../../helpers/rows';
import { graphUrl, sendGraphRequest, type GraphConnection } from '../../transport';
import { accountLocator, optionsCollection } from '../common.descriptions';

export const DISCOVERY_PROFILE_FIELDS = [
	'id',
	'username',
	'name',
	'biography',
	'website',
	'followers_count',
	'media_count',
	'profile_picture_url',
] as const;

export const DISCOVERY_MEDIA_FIELDS = [
	'id',
	'timestamp',
	'media_type',
	'media_product_type',
	'permalink',
	'caption',
	'like_count',
	'comments_count',
] as const;

/** Media per page of the nested `media` edge (Meta's default is 25; its maximum is not documented). */
const DISCOVERY_PAGE_SIZE = 50;

const properties: INodeProperties[] = [
	{ ...accountLocator, description: 'Your Instagram professional account, through which the other account is looked up' },
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. bluebottle',
		description: 'The username of another Instagram business or creator account, with or without @',
	},
	{
		displayName: 'Include Media',
		name: 'includeMedia',
		type: 'boolean',
		default: false,
		description: 'Whether to add one row per recent media of the account, with its like and comment counts',
	},
	{ ...returnAllProperty, displayOptions: { show: { includeMedia: [true] } } },
	{ ...limitProperty, displayOptions: { show: { includeMedia: [true], returnAll: [false] } } },
	simplifyProperty,
	optionsCollection([]),
];

export const description = updateDisplayOptions({ show: { resource: ['businessDiscovery'], operation: ['get'] } }, properties);

/** `business_discovery.username(x){profile fields,media.after(c).limit(n){media fields}}` */
export function discoveryFields(username: string, media?: { after?: string; limit: number }, withProfile = true): string {
	const parts: string[] = withProfile ? [...DISCOVERY_PROFILE_FIELDS] : [];
	if (media) {
		parts.push(`media${media.after ? `.after(${media.after})` : ''}.limit(${media.limit}){${DISCOVERY_MEDIA_FIELDS.join(',')}}`);
	}
	return `business_discovery.username(${username}){${parts.join(',')}}`;
}

function usernameOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('username', itemIndex, '') as unknown;
	const username = (typeof raw === 'string' ? raw : '').trim().replace(/^@+/, '');
	if (username === '') {
		throw new NodeOperationError(ctx.getNode(), 'Invalid "Username": a value is required', { itemIndex });
	}
	// The name goes inside Meta's field expression, where only these characters are safe (and valid usernames).
	if (!/^[A-Za-z0-9._]{1,30}$/.test(username)) {
		throw new NodeOperationError(ctx.getNode(), `Invalid "Username": "${username}" is not an Instagram username`, {
			itemIndex,
			description: 'Instagram usernames have up to 30 letters, digits, periods and underscores.',
		});
	}
	return username;
}

function discoveryOf(body: unknown): IDataObject {
	const value = (body ?? {}) as IDataObject;
	return (value.business_discovery ?? {}) as IDataObject;
}

/** The cursor of the next page of the nested media: `paging.cursors.after`, while Meta gives a `paging.next`. */
export function readDiscoveryPage(body: unknown): Page<IDataObject> {
	const media = (discoveryOf(body).media ?? {}) as IDataObject;
	const items = Array.isArray(media.data) ? (media.data as IDataObject[]) : [];
	const paging = (media.paging ?? {}) as IDataObject;
	if (typeof paging.next !== 'string' || paging.next === '') return { items };
	const cursors = (paging.cursors ?? {}) as IDataObject;
	if (typeof cursors.after === 'string' && cursors.after !== '') return { items, next: cursors.after };
	// Without cursors, the next URL carries the cursor in its field expression.
	const fromNext = /\.after\(([^)]+)\)/.exec(decodeURIComponent(paging.next));
	return { items, next: fromNext?.[1] };
}

export async function execute(this: IExecuteFunctions, connection: GraphConnection): Promise<INodeExecutionData[]> {
	return await executePerItem(this, async (itemIndex) => {
		const node = this.getNode();
		requireFacebookLogin(this, connection, 'Business discovery', itemIndex);
		const accountId = accountIdFor(this, connection, itemIndex);
		const username = usernameOf(this, itemIndex);
		const includeMedia = this.getNodeParameter('includeMedia', itemIndex, false) as boolean;
		const returnAll = includeMedia ? (this.getNodeParameter('returnAll', itemIndex, false) as boolean) : false;
		const limit =
			includeMedia && !returnAll
				? requirePositiveInteger(node, { label: 'Limit', itemIndex }, this.getNodeParameter('limit', itemIndex, 50))
				: undefined;
		const settings = requestSettings(this, itemIndex);
		const url = graphUrl(connection, encodeURIComponent(accountId));
		const request = (fields: string): IHttpRequestOptions => ({ method: 'GET', url, qs: { fields } });

		const bodies: IDataObject[] = [];
		const media: IDataObject[] = [];
		const fetchPage = async (options: IHttpRequestOptions) => {
			const body = (await sendGraphRequest(this, connection.provider, options, settings)).body as IDataObject;
			bodies.push(body ?? {});
			return body;
		};
		if (!includeMedia) {
			await fetchPage(request(discoveryFields(username)));
		} else {
			// The page size goes inside the nested field, so it is rewritten there.
			const pages = paginate<IDataObject>(node, {
				first: request(discoveryFields(username, { limit: DISCOVERY_PAGE_SIZE })),
				fetchPage,
				readPage: readDiscoveryPage,
				nextRequest: (cursor) => request(discoveryFields(username, { after: cursor, limit: DISCOVERY_PAGE_SIZE }, false)),
				pageSize: {
					max: DISCOVERY_PAGE_SIZE,
					apply: (options, size) => ({
						...options,
						qs: { fields: String(options.qs?.fields ?? '').replace(/\.limit\(\d+\)\{/, `.limit(${size}){`) },
					}),
				},
				limit,
				what: `media of @${username}`,
			});
			for await (const page of pages) media.push(...page);
		}

		// Meta's paging URLs carry the access token.
		if (!simplifyOf(this, itemIndex)) return bodies.map((body) => redactValue(body, connection.secrets));
		const profile = discoveryOf(bodies[0]);
		const owner = typeof profile.username === 'string' ? profile.username : username;
		const profileFields = Object.fromEntries(Object.entries(profile).filter(([key]) => key !== 'media')) as IDataObject;
		const rows = [
			flattenRow({ row_type: 'profile', ...orderFields(profileFields, DISCOVERY_PROFILE_FIELDS) }),
			...media.map((item) => flattenRow({ row_type: 'media', username: owner, ...orderFields(item, DISCOVERY_MEDIA_FIELDS) })),
		];
		return alignColumns(rows);
	});
}
