import { createHash } from 'node:crypto';
import type { Field, FieldType } from '../schema';

/**
 * Maps one raw CloudTrail record to a Lake row (schema §1c): names matched case-insensitively,
 * map values as text (nested objects as compact JSON), timestamps as UTC text, the original
 * record kept in eventjson. Throws RecordError for a record that cannot be stored.
 */
export class RecordError extends Error {}

export type Row = Record<string, unknown>;

export function normalizeRecord(raw: unknown, fields: Field[]): Row {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new RecordError('record is not a JSON object');
  const rec = raw as Record<string, unknown>;
  const json = JSON.stringify(rec);
  if (typeof rec.eventTime !== 'string') throw new RecordError(`record ${String(rec.eventID ?? '(no eventID)')} has no eventTime`);
  toLakeTimestamp(rec.eventTime, `record ${String(rec.eventID ?? '(no eventID)')}: eventTime`);
  const row = structValue(rec, fields, 'record') as Row;
  // Published sample records sometimes lack an eventID; a stable one derived from the content
  // keeps "stored at most once" true for them too.
  if (typeof row.eventid !== 'string' || !row.eventid) row.eventid = contentId(json);
  row.eventjson = json; // eventjsonchecksum is computed by DuckDB when the file is written
  return row;
}

function contentId(json: string): string {
  const h = createHash('sha256').update(json).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function structValue(obj: Record<string, unknown>, fields: Field[], where: string): Row {
  const byLower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) byLower.set(k.toLowerCase(), v);
  const out: Row = {};
  for (const f of fields) {
    if (f.name === 'eventjson' || f.name === 'eventjsonchecksum') continue;
    const v = byLower.get((f.jsonName ?? f.name).toLowerCase());
    const value = convert(v, f.type, `${where}.${f.name}`);
    // absent fields are left out (DuckDB reads them as NULL): rows stay small
    if (value !== null) out[f.name] = value;
  }
  return out;
}

function convert(v: unknown, t: FieldType, where: string): unknown {
  if (v === undefined || v === null) return null;
  switch (t.kind) {
    case 'string':
      return typeof v === 'string' ? v : JSON.stringify(v);
    case 'timestamp':
      // eventTime was checked up front; an unreadable nested timestamp is stored as NULL.
      try { return toLakeTimestamp(v, where); } catch { return null; }
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      return null;
    case 'bigint':
    case 'integer':
    case 'double': {
      const n = typeof v === 'number' ? v : Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'map':
      if (typeof v !== 'object' || Array.isArray(v)) return null;
      return mapValue(v as Record<string, unknown>);
    case 'struct':
      if (typeof v !== 'object' || Array.isArray(v)) return null;
      return structValue(v as Record<string, unknown>, t.fields, where);
    case 'array':
      if (!Array.isArray(v)) return null;
      return v.map((x, i) => convert(x, t.of, `${where}[${i}]`));
  }
}

function mapValue(obj: Record<string, unknown>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

/** ISO-8601 text (any offset) → `YYYY-MM-DD HH:MM:SS.mmm` in UTC. */
export function toLakeTimestamp(v: unknown, where = 'value'): string {
  const ms = typeof v === 'number' ? v * 1000 : Date.parse(String(v));
  if (!Number.isFinite(ms)) throw new RecordError(`${where}: "${String(v)}" is not a timestamp`);
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
