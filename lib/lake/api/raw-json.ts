import { randomBytes } from 'node:crypto';

/**
 * JSON text already serialised (result rows kept in wire form), spliced into a response body as is:
 * re-parsing and re-serialising a 1,000-row page costs more than the rest of the request.
 */
const RAW = Symbol.for('trailbench.rawJson');
export interface RawJson {
  [RAW]: string;
}

export function rawJson(text: string): RawJson {
  return { [RAW]: text };
}

const isRaw = (v: unknown): v is RawJson => typeof v === 'object' && v !== null && RAW in v;

// An unguessable marker, so no string in the response can be taken for a splice point.
const MARK = `tb-raw-${randomBytes(12).toString('hex')}-`;

/** JSON.stringify, with every rawJson(...) value written as its text. */
export function stringifyWithRaw(value: unknown): string {
  const parts: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (isRaw(v) ? `${MARK}${parts.push(v[RAW]) - 1}` : v));
  if (!parts.length) return text;
  return text.replace(new RegExp(`"${MARK}(\\d+)"`, 'g'), (_m, i: string) => parts[Number(i)]);
}
