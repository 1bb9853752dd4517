import { fieldsFor, type Field } from '../lake/schema';

/**
 * What a result cell holds, for the cell viewer and the event drawer. CloudTrail Lake prints
 * maps and rows as `{k=v, k2={a=b}}` and arrays as `[a, b]` (Trino's text form), and many string
 * fields hold JSON; both are shown as pretty-printed JSON. The Trino form is ambiguous when a value
 * itself contains `, k=`; such values are read as far as the grammar allows, never invented.
 */
export type CellKind = 'json' | 'struct' | 'text' | 'empty';

export interface CellView {
  kind: CellKind;
  /** Pretty-printed JSON for json/struct, the text itself otherwise. */
  text: string;
}

type Json = null | string | Json[] | { [k: string]: Json };

/**
 * Names (lower-case, at any depth) that the CloudTrail schema only ever types as scalars: a
 * `userAgent` of `[Boto3/1.40 ...]` is text that happens to start with a bracket, not an array.
 */
const SCALAR_FIELDS: ReadonlySet<string> = (() => {
  const scalar = new Set<string>();
  const structured = new Set<string>();
  const walk = (fields: Field[]) => {
    for (const f of fields) {
      if (f.type.kind === 'struct') walk(f.type.fields);
      if (f.type.kind === 'array' && f.type.of.kind === 'struct') walk(f.type.of.fields);
      (f.type.kind === 'struct' || f.type.kind === 'map' || f.type.kind === 'array' ? structured : scalar).add(f.name);
    }
  };
  walk(fieldsFor('cloudtrail'));
  return new Set([...scalar].filter((n) => !structured.has(n)));
})();

/** A cell of a column named like a scalar CloudTrail field is only ever text (or a JSON string). */
export function isScalarColumn(column: string): boolean {
  return SCALAR_FIELDS.has(column.split('.').pop()!.toLowerCase());
}

export function describeCell(value: string, column?: string): CellView {
  if (value === '') return { kind: 'empty', text: '' };
  const json = parseJsonContainer(value);
  if (json !== undefined) return { kind: 'json', text: JSON.stringify(json, null, 2) };
  if (column !== undefined && isScalarColumn(column)) return { kind: 'text', text: value };
  const trino = parseTrinoValue(value);
  if (trino !== undefined && typeof trino === 'object' && trino !== null) return { kind: 'struct', text: JSON.stringify(trino, null, 2) };
  return { kind: 'text', text: value };
}

/** A JSON object or array (not a bare number or string), or undefined. */
export function parseJsonContainer(text: string): Json | undefined {
  const t = text.trim();
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return undefined;
  try {
    const v = JSON.parse(t) as Json;
    return typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The Trino text form of a map, row or array as JSON, or undefined when the text is not one. */
export function parseTrinoValue(text: string): Json | undefined {
  const t = text.trim();
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return undefined;
  const r = new TrinoReader(t);
  try {
    const v = r.value('top');
    return r.pos === t.length ? v : undefined;
  } catch {
    return undefined;
  }
}

type Context = 'top' | 'object' | 'array';

class TrinoReader {
  pos = 0;
  constructor(private readonly s: string) {}

  value(ctx: Context): Json {
    const c = this.s[this.pos];
    if (c === '{' || c === '[') {
      const start = this.pos;
      try {
        return c === '{' ? this.object() : this.array();
      } catch (err) {
        if (ctx === 'top') throw err;
        this.pos = start; // e.g. a JSON string inside a map value: read it as text
      }
    }
    return this.scalar(ctx);
  }

  private object(): { [k: string]: Json } {
    this.pos++; // {
    const out: { [k: string]: Json } = {};
    if (this.s[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      const eq = this.s.indexOf('=', this.pos);
      if (eq < 0) throw new Error('key without =');
      const key = this.s.slice(this.pos, eq);
      if (/[{}[\],]/.test(key)) throw new Error('not a key');
      this.pos = eq + 1;
      out[key] = this.value('object');
      if (this.s.startsWith(', ', this.pos)) this.pos += 2;
      else if (this.s[this.pos] === '}') {
        this.pos++;
        return out;
      } else throw new Error('expected , or }');
    }
  }

  private array(): Json[] {
    this.pos++; // [
    const out: Json[] = [];
    if (this.s[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value('array'));
      if (this.s.startsWith(', ', this.pos)) this.pos += 2;
      else if (this.s[this.pos] === ']') {
        this.pos++;
        return out;
      } else throw new Error('expected , or ]');
    }
  }

  /** Text up to the separator or closing bracket of the enclosing container (nesting and JSON strings skipped). */
  private scalar(ctx: Context): Json {
    const start = this.pos;
    let depth = 0;
    let inString = false;
    for (; this.pos < this.s.length; this.pos++) {
      const c = this.s[this.pos];
      if (inString) {
        if (c === '\\') this.pos++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && depth > 0) depth--;
      else if (depth === 0 && this.endsScalar(ctx)) break;
    }
    return toScalar(this.s.slice(start, this.pos));
  }

  private endsScalar(ctx: Context): boolean {
    const c = this.s[this.pos];
    if (ctx === 'object') return c === '}' || (this.s.startsWith(', ', this.pos) && /^, [^\s=,{}[\]]+=/.test(this.s.slice(this.pos, this.pos + 200)));
    if (ctx === 'array') return c === ']' || this.s.startsWith(', ', this.pos);
    return false;
  }
}

function toScalar(text: string): Json {
  if (text === 'null') return null;
  return parseJsonContainer(text) ?? text;
}
