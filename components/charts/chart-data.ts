import { parseTimestampText } from '../../lib/util/sql-text/timestamp-text';

/**
 * Picks a chart for a page of results and shapes its data. Pure, so it is unit-tested.
 *  - a time column and number column(s): a time series (x = epoch ms, one line per number column,
 *    or per category when a category column splits the numbers);
 *  - a time column alone: rows counted per time bucket;
 *  - a category column and a number column: bars (summed per category); a category alone: counts.
 */
export type ChartKind = 'time' | 'bar';

export interface Series {
  label: string;
  /** [x, y] points: x is epoch ms for time charts, the category index for bars. */
  points: [number, number][];
}

export interface ChartSpec {
  kind: ChartKind;
  /** Human description of what is drawn ("n by eventHour"). */
  title: string;
  xColumn: string;
  yLabel: string;
  /** Bar charts: the category labels (x is their index). */
  categories?: string[];
  series: Series[];
  /** Rows left out because their x or y did not parse. */
  skipped: number;
}

export type ColumnType = 'time' | 'number' | 'text';

const MAX_SERIES = 8;
const MAX_BARS = 50;
const ID_NAME = /(id|account|arn|address|port|code)$/i;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseTime(v: string): number | undefined {
  return parseTimestampText(v.replace(/ UTC$/, ''));
}

export function parseNumber(v: string): number | undefined {
  return NUMBER.test(v.trim()) ? Number(v) : undefined;
}

/** A column's type from its non-empty values: all times, all numbers, or text. */
export function columnType(rows: string[][], col: number): ColumnType {
  let seen = 0;
  let times = 0;
  let numbers = 0;
  for (const r of rows) {
    const v = r[col] ?? '';
    if (v === '') continue;
    seen++;
    if (parseNumber(v) !== undefined) numbers++;
    else if (parseTime(v) !== undefined) times++;
    else return 'text';
  }
  if (seen === 0) return 'text';
  return numbers === seen ? 'number' : times === seen ? 'time' : 'text';
}

/** The chart for these columns and rows, or undefined when nothing sensible can be drawn. */
export function chartFor(columns: string[], rows: string[][]): ChartSpec | undefined {
  if (rows.length === 0) return undefined;
  // Numeric identifiers (account IDs) are categories, not quantities.
  const types = columns.map((name, i) => {
    const t = columnType(rows, i);
    return t === 'number' && ID_NAME.test(name) ? 'text' : t;
  });
  const timeCol = preferred(columns, types, 'time');
  const numberCols = columns.map((_, i) => i).filter((i) => types[i] === 'number');
  const textCols = columns.map((_, i) => i).filter((i) => types[i] === 'text');
  if (timeCol !== undefined) {
    if (numberCols.length === 0) return countsPerBucket(columns[timeCol], rows, timeCol);
    if (textCols.length > 0 && numberCols.length === 1) return timeByCategory(columns, rows, timeCol, numberCols[0], lowestCardinality(rows, textCols));
    return timeSeries(columns, rows, timeCol, numberCols.slice(0, MAX_SERIES));
  }
  if (textCols.length > 0) return bars(columns, rows, textCols[0], numberCols[0]);
  return undefined;
}

function preferred(columns: string[], types: ColumnType[], type: ColumnType): number | undefined {
  const candidates = columns.map((_, i) => i).filter((i) => types[i] === type);
  return candidates.find((i) => /time|date|day|hour|window|bucket/i.test(columns[i])) ?? candidates[0];
}

function lowestCardinality(rows: string[][], cols: number[]): number {
  let best = cols[0];
  let bestSize = Infinity;
  for (const c of cols) {
    const size = new Set(rows.map((r) => r[c])).size;
    if (size < bestSize) [best, bestSize] = [c, size];
  }
  return best;
}

function timeSeries(columns: string[], rows: string[][], t: number, ys: number[]): ChartSpec {
  let skipped = 0;
  const series: Series[] = ys.map((y) => ({ label: columns[y], points: [] }));
  for (const r of rows) {
    const x = parseTime(r[t] ?? '');
    if (x === undefined) {
      skipped++;
      continue;
    }
    ys.forEach((y, i) => {
      const v = parseNumber(r[y] ?? '');
      if (v !== undefined) series[i].points.push([x, v]);
    });
  }
  for (const s of series) s.points.sort((a, b) => a[0] - b[0]);
  const yLabel = ys.map((y) => columns[y]).join(', ');
  return { kind: 'time', title: `${yLabel} by ${columns[t]}`, xColumn: columns[t], yLabel, series, skipped };
}

function timeByCategory(columns: string[], rows: string[][], t: number, y: number, cat: number): ChartSpec {
  const byCat = new Map<string, Map<number, number>>();
  const totals = new Map<string, number>();
  let skipped = 0;
  for (const r of rows) {
    const x = parseTime(r[t] ?? '');
    const v = parseNumber(r[y] ?? '');
    if (x === undefined || v === undefined) {
      skipped++;
      continue;
    }
    const key = r[cat] ?? '';
    const points = byCat.get(key) ?? new Map<number, number>();
    points.set(x, (points.get(x) ?? 0) + v);
    byCat.set(key, points);
    totals.set(key, (totals.get(key) ?? 0) + v);
  }
  const top = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_SERIES)
    .map(([k]) => k);
  const series = top.map((k) => ({ label: k || '(empty)', points: [...byCat.get(k)!.entries()].sort((a, b) => a[0] - b[0]) }));
  return {
    kind: 'time',
    title: `${columns[y]} by ${columns[t]}, per ${columns[cat]}${totals.size > MAX_SERIES ? ` (top ${MAX_SERIES})` : ''}`,
    xColumn: columns[t],
    yLabel: columns[y],
    series,
    skipped,
  };
}

const BUCKETS = [60_000, 300_000, 900_000, 3_600_000, 6 * 3_600_000, 86_400_000, 7 * 86_400_000];

/** A bucket width that gives at most ~60 buckets over the span. */
export function bucketFor(spanMs: number): number {
  return BUCKETS.find((b) => spanMs / b <= 60) ?? BUCKETS[BUCKETS.length - 1];
}

function countsPerBucket(column: string, rows: string[][], t: number): ChartSpec {
  const times: number[] = [];
  for (const r of rows) {
    const x = parseTime(r[t] ?? '');
    if (x !== undefined) times.push(x);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of times) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const width = bucketFor(hi - lo);
  const counts = new Map<number, number>();
  for (const x of times) {
    const b = Math.floor(x / width) * width;
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const points = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  return {
    kind: 'time',
    title: `Rows per ${bucketName(width)} by ${column}`,
    xColumn: column,
    yLabel: 'rows',
    series: [{ label: 'rows', points }],
    skipped: rows.length - times.length,
  };
}

function bucketName(ms: number): string {
  if (ms >= 7 * 86_400_000) return 'week';
  if (ms >= 86_400_000) return 'day';
  if (ms >= 3_600_000) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  return `${ms / 60_000} min`;
}

function bars(columns: string[], rows: string[][], cat: number, y: number | undefined): ChartSpec {
  const sums = new Map<string, number>();
  let skipped = 0;
  for (const r of rows) {
    const v = y === undefined ? 1 : parseNumber(r[y] ?? '');
    if (v === undefined) {
      skipped++;
      continue;
    }
    const key = r[cat] ?? '';
    sums.set(key, (sums.get(key) ?? 0) + v);
  }
  const top = [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_BARS);
  const yLabel = y === undefined ? 'rows' : columns[y];
  return {
    kind: 'bar',
    title: `${yLabel} by ${columns[cat]}${sums.size > MAX_BARS ? ` (top ${MAX_BARS})` : ''}`,
    xColumn: columns[cat],
    yLabel,
    categories: top.map(([k]) => k || '(empty)'),
    series: [{ label: yLabel, points: top.map(([, v], i) => [i, v]) }],
    skipped,
  };
}
