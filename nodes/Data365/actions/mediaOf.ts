import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty, simplifyProperty } from '../../shared/descriptions';
import type { ItemResult } from '../../shared/output';
import type { ParameterRef } from '../../shared/validation';
import { simplifyRows } from '../rows';
import { listEdge } from '../transport';
import {
	fromDateProperty,
	optionsCollection,
	readDateFilters,
	readFieldRequest,
	readLimit,
	readOptions,
	readSettings,
	toDateProperty,
} from './common.descriptions';

/** "Get Media" of a profile or a hashtag: the same posts list, named by a username or a tag. */
export interface MediaOf {
	resource: 'user' | 'tag';
	/** The parameter naming the profile or hashtag. */
	identifier: INodeProperties;
	normalise: (node: INode, ref: ParameterRef, value: unknown) => string;
}

export function mediaOf(owner: MediaOf): {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;
} {
	const properties: INodeProperties[] = [
		owner.identifier,
		returnAllProperty,
		limitProperty,
		fromDateProperty,
		toDateProperty,
		simplifyProperty,
		optionsCollection('media', true),
	];

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
		const id = owner.normalise(
			this.getNode(),
			{ label: owner.identifier.displayName, itemIndex },
			this.getNodeParameter(owner.identifier.name, itemIndex),
		);
		const limit = readLimit(this, itemIndex);
		const dates = readDateFilters(this, itemIndex);
		const options = readOptions(this, itemIndex);
		const settings = readSettings(this, itemIndex, options);
		const fields = readFieldRequest(this, itemIndex, 'media', options);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

		const posts = await listEdge(
			this,
			{ kind: owner.resource, id },
			{ edge: 'media', nodeFields: fields.text, limit, dates },
			settings,
		);
		if (!simplify) return posts.value;
		return simplifyRows(posts.value, posts.api === 'graph' ? fields.columns : []);
	}

	return {
		description: updateDisplayOptions({ show: { resource: [owner.resource], operation: ['getMedia'] } }, properties),
		execute,
	};
}
