import crypto, { createHash } from 'node:crypto';
import type { Field, FieldType } from '../schema';
import { utcTimestampText } from '../../util/sql-text/timestamp-text';

/**
 * Readies one raw CloudTrail record for the store's writer, which has DuckDB map the JSON text
 * to columns (schema §1c; see `row-sql.ts`). DuckDB matches JSON keys case-sensitively and the
 * Lake does not, so keys written in another case than the schema's (`arn` for `ARN`) are
 * respelled, and a value that cannot be the struct the schema wants becomes null. Only then is
 * a second text needed: eventJson always holds the record as it was read.
 */
export class RecordError extends Error {}
// Its messages quote nothing of the record (not its eventID, not its eventTime): they reach
// whoever lists an import's failures; the spooler names the record by its position.

/** What the store keys a record by: its ID, its time, and the checksum of its text as read. */
export interface RecordIdentity {
  eventId: string;
  /** eventTime in UTC as `YYYY-MM-DD HH:MM:SS.mmm`. */
  eventTime: string;
  /** eventTime in epoch milliseconds. */
  eventTimeMs: number;
  /** SHA-256 (hex) of the record as read: its eventJsonChecksum. */
  checksum: string;
}

export interface PreparedRecord extends RecordIdentity {
  /** Record text with every schema key spelled as the schema spells it: what DuckDB reads. */
  json: string;
  /** The record as read, when `json` differs from it. */
  original?: string;
}

interface Shape {
  exact: Map<string, Field>;
  folded: Map<string, Field>;
}

const shapes = new WeakMap<Field[], Shape>();

function shapeOf(fields: Field[]): Shape {
  let s = shapes.get(fields);
  if (!s) {
    s = { exact: new Map(fields.map((f) => [f.key, f])), folded: new Map(fields.map((f) => [f.name, f])) };
    shapes.set(fields, s);
  }
  return s;
}

/** `text`, when given, is the exact text `raw` was parsed from: it becomes the eventJson; `checksum` is its SHA-256, when known. */
export function prepareRecord(raw: unknown, fields: Field[], text?: string, checksum?: string): PreparedRecord {
  if (!isObject(raw)) throw new RecordError('record is not a JSON object');
  const original = text ?? JSON.stringify(raw);
  const rec = needsRespelling(raw, fields) ? respell(raw, fields) : raw;
  const json = rec === raw ? original : JSON.stringify(rec);
  const { eventTime, ms } = timeOf(rec);
  const id = rec.eventID;
  // Published sample records sometimes lack an eventID; a stable one derived from the content
  // (serialised, so a file's layout does not change it) keeps "stored at most once" true for them too.
  const eventId =
    id === undefined || id === null || id === ''
      ? contentId(text === undefined ? original : JSON.stringify(raw))
      : typeof id === 'string'
        ? id
        : JSON.stringify(id);
  if (/[\t\n\r]/.test(eventId)) throw new RecordError('eventID contains a tab or line break');
  return {
    eventId,
    eventTime,
    eventTimeMs: ms,
    json,
    original: json === original ? undefined : original,
    checksum: (text !== undefined && checksum) || sha256Hex(original),
  };
}

/**
 * The identity of a record the reader checked (see `RecordBatch.verbatim`): `view` holds its
 * eventID (a non-empty string) and eventTime; `checksum` is its text's SHA-256.
 */
export function identifyChecked(view: Record<string, unknown>, checksum: string): RecordIdentity {
  const { eventTime, ms } = timeOf(view);
  return { eventId: view.eventID as string, eventTime, eventTimeMs: ms, checksum };
}

function timeOf(rec: Record<string, unknown>): { eventTime: string; ms: number } {
  if (typeof rec.eventTime !== 'string') throw new RecordError('no eventTime');
  const ms = Date.parse(rec.eventTime);
  const eventTime = Number.isFinite(ms) ? utcTimestampText(ms) : '';
  // the spool and DuckDB's TIMESTAMP read four-digit years only
  if (eventTime.length !== 23) throw new RecordError('eventTime is not a timestamp between years 0 and 9999');
  return { eventTime, ms };
}

/** Node's one-shot hash where it has it (20.12+): a quarter of DuckDB's sha256 per record, a little under createHash's. */
const sha256Hex: (text: string) => string = crypto.hash
  ? (text) => crypto.hash('sha256', text, 'hex')
  : (text) => createHash('sha256').update(text).digest('hex');

function contentId(json: string): string {
  const h = sha256Hex(json);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function fieldOf(shape: Shape, key: string): Field | undefined {
  return shape.exact.get(key) ?? shape.folded.get(key.toLowerCase());
}

/** Whether any schema key is spelled differently, or any struct position holds a non-object. */
function needsRespelling(obj: Record<string, unknown>, fields: Field[]): boolean {
  const shape = shapeOf(fields);
  for (const k in obj) {
    const f = fieldOf(shape, k);
    if (!f) continue;
    if (f.key !== k) return true;
    if (valueNeedsRespelling(obj[k], f.type)) return true;
  }
  return false;
}

function valueNeedsRespelling(v: unknown, t: FieldType): boolean {
  if (v === null || v === undefined) return false;
  if (t.kind === 'struct') return !isObject(v) || needsRespelling(v, t.fields);
  if (t.kind === 'array' && t.of.kind === 'struct' && Array.isArray(v)) return v.some((x) => valueNeedsRespelling(x, t.of));
  return false;
}

function respell(obj: Record<string, unknown>, fields: Field[]): Record<string, unknown> {
  const shape = shapeOf(fields);
  const out: Record<string, unknown> = {};
  for (const k in obj) {
    const f = fieldOf(shape, k);
    if (f) out[f.key] = respellValue(obj[k], f.type);
    else out[k] = obj[k];
  }
  return out;
}

function respellValue(v: unknown, t: FieldType): unknown {
  if (v === null || v === undefined) return v;
  if (t.kind === 'struct') return isObject(v) ? respell(v, t.fields) : null;
  if (t.kind === 'array' && Array.isArray(v)) return v.map((x) => respellValue(x, t.of));
  return v;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
