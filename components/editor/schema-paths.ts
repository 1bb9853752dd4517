import type { Field, FieldType } from '../../lib/lake/schema';
import { displayName } from './field-names';

/**
 * Walking the event schema by path, and the SQL expression that reads a field: the shared logic
 * of the property sidebar and autocomplete.
 */

/** Fields under a field: a struct's fields, or those of an array of structs' elements. */
export function childFields(field: Field): Field[] | undefined {
  if (field.type.kind === 'struct') return field.type.fields;
  if (field.type.kind === 'array' && field.type.of.kind === 'struct') return field.type.of.fields;
  return undefined;
}

/** The chain of fields named by a lower-case path, or undefined when a step does not exist. */
export function resolvePath(fields: Field[], path: string[]): Field[] | undefined {
  const chain: Field[] = [];
  let level: Field[] | undefined = fields;
  for (const part of path) {
    const f: Field | undefined = level?.find((x) => x.name === part.toLowerCase());
    if (!f) return undefined;
    chain.push(f);
    level = f.type.kind === 'struct' ? f.type.fields : undefined; // arrays need an index or a lambda
  }
  return chain;
}

/**
 * The fields to offer after `a.b.`: those of the struct the path names, or, when the first step
 * is a table alias (`t.userIdentity.`), those after it.
 */
export function membersAfter(fields: Field[], path: string[]): Field[] | undefined {
  for (const p of [path, path.slice(1)]) {
    if (p.length === 0) return fields; // `t.` with t an alias
    const chain = resolvePath(fields, p);
    const last = chain?.[chain.length - 1];
    if (last?.type.kind === 'struct') return last.type.fields;
    if (chain) return undefined; // a leaf or a map: nothing after the dot
  }
  return undefined;
}

/** The map field a path names (for `element_at(path, '`), or undefined. */
export function mapFieldAt(fields: Field[], path: string[]): Field | undefined {
  for (const p of [path, path.slice(1)]) {
    const chain = p.length ? resolvePath(fields, p) : undefined;
    const last = chain?.[chain.length - 1];
    if (last) return last.type.kind === 'map' ? last : undefined;
  }
  return undefined;
}

export function typeLabel(t: FieldType): string {
  switch (t.kind) {
    case 'map':
      return 'map<string, string>';
    case 'struct':
      return 'struct';
    case 'array':
      return `array<${typeLabel(t.of)}>`;
    default:
      return t.kind;
  }
}

export interface Insertion {
  text: string;
  /** Where the cursor goes, as an offset into text; the end when absent. */
  cursor?: number;
}

/** `userIdentity.sessionContext.sessionIssuer.arn` for a chain of fields. */
export function dottedName(chain: Field[]): string {
  return chain.map(displayName).join('.');
}

/**
 * The expression that reads the field at the end of `chain`, where `arrayIndex` marks a chain that
 * steps into the elements of the array at that position (`resources` → its `type`):
 * - a map: `element_at(requestParameters, '')` with the cursor between the quotes, or the key given;
 * - a field of an array's elements: `any_match(resources, r -> r.type = '')`;
 * - anything else: the dotted path.
 */
export function expressionFor(chain: Field[], mapKey?: string): Insertion {
  const arrayAt = chain.findIndex((f, i) => f.type.kind === 'array' && i < chain.length - 1);
  if (arrayAt >= 0) {
    const array = dottedName(chain.slice(0, arrayAt + 1));
    const inner = ['x', ...chain.slice(arrayAt + 1).map(displayName)].join('.');
    const text = `any_match(${array}, x -> ${inner} = '')`;
    return { text, cursor: text.length - 2 };
  }
  const name = dottedName(chain);
  const last = chain[chain.length - 1];
  if (last?.type.kind === 'map') {
    if (mapKey !== undefined) return { text: `element_at(${name}, '${mapKey.replaceAll("'", "''")}')` };
    const text = `element_at(${name}, '')`;
    return { text, cursor: text.length - 2 };
  }
  return { text: name };
}
