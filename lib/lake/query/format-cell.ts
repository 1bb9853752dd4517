import {
  DuckDBArrayValue,
  DuckDBDateValue,
  DuckDBIntervalValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBType,
  type DuckDBValue,
} from '../engine/duckdb-api';
import { utcTimestampText } from '../../util/sql-text/timestamp-text';

/**
 * Result cells as CloudTrail Lake (Trino) prints them: timestamps `YYYY-MM-DD HH:MM:SS.mmm`,
 * doubles Java-style (`2.0`, `1.0E7`), maps and rows `{k=v, ...}`, arrays `[a, b]`, nested NULL
 * as `null`. A NULL cell is the empty string.
 */
export function formatCell(v: DuckDBValue, type?: DuckDBType): string {
  if (v === null || v === undefined) return '';
  return formatValue(v, type);
}

function formatValue(v: DuckDBValue, type?: DuckDBType): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number': {
      const isFloat = type && (type.typeId === DuckDBTypeId.DOUBLE || type.typeId === DuckDBTypeId.FLOAT);
      return isFloat ? javaDouble(v) : String(v);
    }
  }
  if (v instanceof DuckDBTimestampValue) return timestampText(v.micros);
  if (v instanceof DuckDBTimestampTZValue) return `${timestampText(v.micros)} UTC`;
  if (v instanceof DuckDBDateValue) return new Date(v.days * 86_400_000).toISOString().slice(0, 10);
  if (v instanceof DuckDBMapValue) return `{${v.entries.map((e) => `${formatValue(e.key)}=${formatValue(e.value)}`).join(', ')}}`;
  if (v instanceof DuckDBStructValue)
    return `{${Object.entries(v.entries)
      .map(([k, x]) => `${k}=${formatValue(x)}`)
      .join(', ')}}`;
  if (v instanceof DuckDBListValue || v instanceof DuckDBArrayValue) return `[${v.items.map((x) => formatValue(x)).join(', ')}]`;
  if (v instanceof DuckDBIntervalValue) return intervalText(v);
  return String(v);
}

function timestampText(micros: bigint): string {
  return utcTimestampText(Number(micros / 1000n));
}

function intervalText(v: DuckDBIntervalValue): string {
  if (v.months) return `${Math.trunc(v.months / 12)}-${Math.abs(v.months % 12)}`;
  const totalMs = Number(v.micros / 1000n);
  const sign = totalMs < 0 || v.days < 0 ? '-' : '';
  const ms = Math.abs(totalMs);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${sign}${Math.abs(v.days)} ${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Java's Double.toString, which Trino uses for DOUBLE values. */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(x);
    return s.includes('.') || s.includes('e') ? s : `${s}.0`;
  }
  const [mant, exp] = x.toExponential().split('e');
  const m = mant.includes('.') ? mant : `${mant}.0`;
  return `${m}E${Number(exp)}`;
}
