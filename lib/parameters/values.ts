import { isIP } from 'node:net';
import { parseTimestampText, utcTimestampText } from '../util/sql-text/timestamp-text';
import { MAX_LIST_ITEMS, MAX_VALUE_LENGTH, TYPE_LABELS, type ParameterSpec, type RawValue, type ScalarType, type SqlValue } from './types';

/** A checked value, or what is wrong with it (a sentence about the value, without the parameter's name). */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (message: string): Checked<never> => ({ ok: false, message });

const ACCOUNT_ID = /^\d{12}$/;
// AWS access key IDs: a four-letter prefix (AKIA long-term, ASIA temporary, ...) and 16 upper-case letters or digits.
const ACCESS_KEY_ID = /^A[A-Z0-9]{3}[A-Z0-9]{16}$/;
// arn:partition:service:region:account:resource (region and account may be empty, e.g. S3 and IAM).
const ARN = /^arn:aws(?:-[a-z]+)*:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12}|aws)?:\S+$/;
const NUMBER = /^-?\d{1,15}(?:\.\d{1,15})?$/;

/** Checks one scalar text against its type; strings keep their text exactly. */
export function checkScalar(type: ScalarType, text: string, spec: Pick<ParameterSpec, 'options' | 'min' | 'max'> = {}): Checked<SqlValue> {
  if (text.length > MAX_VALUE_LENGTH) return bad(`is ${text.length} characters long; the limit is ${MAX_VALUE_LENGTH}`);
  if (text.includes('\0')) return bad('contains a NUL character');
  const t = text.trim();
  const str = (s: string) => ok<SqlValue>({ kind: 'string', text: s });
  switch (type) {
    case 'text':
      return str(text);
    case 'number': {
      if (!NUMBER.test(t)) return bad(`'${clip(t)}' is not a number (digits, an optional minus sign and decimal point)`);
      const n = Number(t);
      if (spec.min !== undefined && n < spec.min) return bad(`${t} is below the minimum, ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) return bad(`${t} is above the maximum, ${spec.max}`);
      return ok({ kind: 'number', text: String(n) });
    }
    case 'ip':
      return isIP(t) ? str(t) : bad(`'${clip(t)}' is not an IPv4 or IPv6 address`);
    case 'arn':
      return ARN.test(t) ? str(t) : bad(`'${clip(t)}' is not an ARN (arn:partition:service:region:account:resource)`);
    case 'accessKeyId':
      return ACCESS_KEY_ID.test(t) ? str(t) : bad(`'${clip(t)}' is not an access key ID (20 upper-case letters and digits, such as AKIA... or ASIA...)`);
    case 'accountId':
      return ACCOUNT_ID.test(t) ? str(t) : bad(`'${clip(t)}' is not an AWS account ID (12 digits)`);
    case 'timestamp': {
      const ms = parseTimestampText(t);
      return ms === undefined
        ? bad(`'${clip(t)}' is not a timestamp (YYYY-MM-DD[ HH:MM[:SS[.fff]]] in UTC, or with Z or ±HH:MM)`)
        : ok({ kind: 'timestamp', ms });
    }
    case 'oneOf': {
      const options = spec.options ?? [];
      return options.includes(text) ? str(text) : bad(`'${clip(t)}' is not one of ${options.map((o) => `'${o}'`).join(', ')}`);
    }
  }
}

/** A multi-select: one or more distinct items, each checked as `of`; a single text may list them separated by commas or new lines. */
export function checkList(spec: ParameterSpec, raw: RawValue): Checked<SqlValue> {
  const items = (typeof raw === 'string' ? raw.split(/[,\n]/) : [...raw]).map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) return bad('needs at least one value');
  if (items.length > MAX_LIST_ITEMS) return bad(`has ${items.length} values; the limit is ${MAX_LIST_ITEMS}`);
  const checked: SqlValue[] = [];
  for (const [i, item] of [...new Set(items)].entries()) {
    const c = spec.options ? checkScalar('oneOf', item, spec) : checkScalar(spec.of ?? 'text', item, spec);
    if (!c.ok) return bad(`value ${i + 1} ${c.message}`);
    checked.push(c.value);
  }
  return ok({ kind: 'list', items: checked });
}

export interface TimeRange {
  start: number;
  end: number;
}

const RELATIVE = /^(?:last\s*)?(\d{1,4})\s*(m|min|h|d)$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
/** The longest relative range: CloudTrail Lake keeps events up to ten years, nobody types more. */
const MAX_RANGE_MS = 3660 * 86_400_000;

/** A time range: `15m`, `1h`, `24h`, `7d`, `30d` (the last N before now) or `START/END` timestamps. */
export function checkTimeRange(raw: string, now: Date): Checked<TimeRange> {
  const t = raw.trim();
  if (t.length > 100) return bad('is longer than 100 characters');
  const rel = RELATIVE.exec(t);
  if (rel) {
    const span = Number(rel[1]) * UNIT_MS[rel[2].toLowerCase()];
    if (span <= 0 || span > MAX_RANGE_MS) return bad(`'${t}' is not a range between one minute and ten years`);
    return ok({ start: now.getTime() - span, end: now.getTime() });
  }
  const parts = t.split('/');
  if (parts.length !== 2) return bad(`'${clip(t)}' is not a time range (15m, 1h, 24h, 7d, 30d, or START/END timestamps)`);
  const [start, end] = parts.map((p) => parseTimestampText(p));
  if (start === undefined || end === undefined) return bad(`'${clip(t)}' has a start or end that is not a timestamp (YYYY-MM-DD[ HH:MM[:SS]])`);
  if (start >= end) return bad(`starts at ${utcTimestampText(start)}, not before its end ${utcTimestampText(end)}`);
  return ok({ start, end });
}

export const describeType = (spec: ParameterSpec) => (spec.type === 'multiSelect' ? `list of ${TYPE_LABELS[spec.of ?? 'text']}` : TYPE_LABELS[spec.type]);

/** Values are echoed in messages only in part: an error must not repeat a megabyte back. */
function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
