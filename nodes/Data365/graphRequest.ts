/**
 * The Graph-style API's `fields` language (seed "3. Request format"):
 * `id,owner{id,username},media.first(5).after("cursor"){page_info{...},edges{node{...}}}`.
 * Parsed here so a typed graph request is checked before it is sent, and so
 * the columns of a simplified row are known even when a value is missing.
 */

export interface FieldCall {
	/** `first`, `last`, `after`, `before`. */
	name: string;
	/** Raw argument texts: `5`, `"cursor"`. */
	args: string[];
}

export interface FieldSelection {
	name: string;
	calls: FieldCall[];
	/** Sub-selection in `{...}`; undefined for a scalar field. */
	children?: FieldSelection[];
}

export class GraphRequestSyntaxError extends Error {}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

export function parseGraphRequest(text: string): FieldSelection[] {
	let position = 0;
	const fail = (what: string): never => {
		const near = text.slice(position, position + 15);
		throw new GraphRequestSyntaxError(
			`${what} at character ${position + 1}${near ? ` (near "${near}")` : ' (at the end)'}`,
		);
	};
	const skipSpace = () => {
		while (position < text.length && /\s/.test(text[position])) position++;
	};
	const peek = () => {
		skipSpace();
		return text[position];
	};
	const name = (): string => {
		skipSpace();
		NAME.lastIndex = position;
		const match = NAME.exec(text);
		if (!match) return fail('Expected a field name');
		position += match[0].length;
		return match[0];
	};
	const argument = (): string => {
		skipSpace();
		const start = position;
		if (text[position] === '"') {
			position++;
			while (position < text.length && text[position] !== '"') {
				if (text[position] === '\\') position++;
				position++;
			}
			if (position >= text.length) {
				position = start;
				return fail('Unclosed quote');
			}
			position++;
			return text.slice(start, position);
		}
		while (position < text.length && /[^\s,()]/.test(text[position])) position++;
		if (position === start) return fail('Expected a value');
		return text.slice(start, position);
	};
	const list = (closing: string | undefined): FieldSelection[] => {
		const fields: FieldSelection[] = [];
		for (;;) {
			const next = peek();
			if (next === undefined || next === closing) {
				if (closing !== undefined && next === undefined) fail(`Missing "${closing}"`);
				if (!fields.length) fail('Expected at least one field');
				return fields;
			}
			if (next === '}' || next === ')') fail(`Unexpected "${next}"`);
			if (fields.length) {
				if (next !== ',') fail('Expected "," between fields');
				position++;
				if (peek() === closing || peek() === undefined) fail('Expected a field after ","');
			}
			fields.push(field());
		}
	};
	const field = (): FieldSelection => {
		const selection: FieldSelection = { name: name(), calls: [] };
		while (peek() === '.') {
			position++;
			const call: FieldCall = { name: name(), args: [] };
			if (peek() !== '(') fail(`Expected "(" after ".${call.name}"`);
			position++;
			while (peek() !== ')') {
				if (call.args.length) {
					if (peek() !== ',') fail('Expected "," or ")"');
					position++;
				}
				call.args.push(argument());
				if (peek() === undefined) fail('Missing ")"');
			}
			position++;
			selection.calls.push(call);
		}
		if (peek() === '{') {
			position++;
			selection.children = list('}');
			position++;
		}
		return selection;
	};
	if (text.trim() === '') throw new GraphRequestSyntaxError('The graph request is empty');
	const fields = list(undefined);
	if (peek() !== undefined) fail('Unexpected text');
	return fields;
}

/** As `parseGraphRequest`, with a syntax error as a value rather than a throw. */
export function checkGraphRequest(
	text: string,
): { ok: true; fields: FieldSelection[] } | { ok: false; message: string } {
	try {
		return { ok: true, fields: parseGraphRequest(text) };
	} catch (error) {
		if (error instanceof GraphRequestSyntaxError) return { ok: false, message: error.message };
		return { ok: false, message: String(error) };
	}
}

export function serializeGraphRequest(fields: FieldSelection[]): string {
	return fields
		.map((field) => {
			const calls = field.calls.map((call) => `.${call.name}(${call.args.join(',')})`).join('');
			const children = field.children ? `{${serializeGraphRequest(field.children)}}` : '';
			return `${field.name}${calls}${children}`;
		})
		.join(',');
}

/** Joins selections naming the same field (`owner{id}` + `owner{username}` → `owner{id,username}`). */
export function mergeSelections(fields: FieldSelection[]): FieldSelection[] {
	const merged: FieldSelection[] = [];
	for (const field of fields) {
		const existing = merged.find(
			(candidate) =>
				candidate.name === field.name &&
				JSON.stringify(candidate.calls) === JSON.stringify(field.calls),
		);
		if (!existing) {
			merged.push({ ...field, children: field.children ? mergeSelections(field.children) : undefined });
		} else if (field.children) {
			existing.children = mergeSelections([...(existing.children ?? []), ...field.children]);
		}
	}
	return merged;
}

/** A cursor as the API wants it: in double quotes (seed "8. Getting next pages"). */
export function quoteCursor(cursor: string): string {
	return `"${cursor.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * `media.first(50).after("c"){page_info{has_next_page,end_cursor},edges{node{...}}}`:
 * one page of a Relay connection.
 */
export function connectionRequest(edge: string, size: number, after: string | undefined, nodeFields: string): string {
	const calls = `.first(${size})${after !== undefined ? `.after(${quoteCursor(after)})` : ''}`;
	return `${edge}${calls}{page_info{has_next_page,end_cursor},edges{node{${nodeFields}}}}`;
}

function isConnection(field: FieldSelection): boolean {
	return (field.children ?? []).some((child) => child.name === 'edges' || child.name === 'page_info');
}

/**
 * Columns of a simplified row for a selection: scalars by name, objects as
 * dotted columns (`owner.username`), connections as one column of a list.
 */
export function columnsOf(fields: FieldSelection[], prefix = ''): string[] {
	const columns: string[] = [];
	for (const field of fields) {
		const column = prefix ? `${prefix}.${field.name}` : field.name;
		if (field.children && !isConnection(field)) columns.push(...columnsOf(field.children, column));
		else columns.push(column);
	}
	return [...new Set(columns)];
}
