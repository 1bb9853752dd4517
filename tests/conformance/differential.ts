import type { Execute } from './run';

/**
 * The differential check: conformance expressions over real columns of a store, compared row by
 * row with a model of what Trino documents, computed here from the column's own value. The
 * columns are chosen for their NULLs: errorCode and userName are NULL on many events, and a map
 * lookup of a missing key is NULL on all of them.
 */
export const COLUMNS = [
  'errorCode',
  'userIdentity.userName',
  'sourceIPAddress',
  `element_at(requestParameters, 'bucketName')`,
  `element_at(requestParameters, 'noSuchKeyAnywhere')`,
];

type V = string | null;
const codePoints = (s: string) => [...s];
/** Trino substr(s, start, n). */
function substr(s: string, start: number, n: number): string {
  const cp = codePoints(s);
  if (start === 0 || n <= 0 || start < -cp.length) return '';
  const from = start > 0 ? start - 1 : cp.length + start;
  return cp.slice(from, from + n).join('');
}

/** `$c` is the column; `model` is Trino's answer from the column's value (NULL as null). */
export const PROBES: { sql: string; model: (v: V) => V }[] = [
  { sql: `$c IS NULL`, model: (v) => String(v === null) },
  { sql: `concat('<', $c, '>')`, model: (v) => (v === null ? null : `<${v}>`) },
  { sql: `'<' || $c`, model: (v) => (v === null ? null : `<${v}`) },
  { sql: `concat_ws('|', 'a', $c)`, model: (v) => (v === null ? 'a' : `a|${v}`) },
  { sql: `coalesce($c, 'none')`, model: (v) => v ?? 'none' },
  { sql: `length($c)`, model: (v) => (v === null ? null : String(codePoints(v).length)) },
  { sql: `upper($c)`, model: (v) => (v === null ? null : v.toUpperCase()) },
  { sql: `substr($c, 2, 3)`, model: (v) => (v === null ? null : substr(v, 2, 3)) },
  { sql: `substr($c, -2)`, model: (v) => (v === null ? null : substr(v, -2, Infinity)) },
  { sql: `substr($c, 0)`, model: (v) => (v === null ? null : '') },
  { sql: `split_part($c, '.', 2)`, model: (v) => (v === null ? null : (v.split('.')[1] ?? null)) },
  { sql: `regexp_extract($c, '[0-9]+')`, model: (v) => (v === null ? null : (/[0-9]+/.exec(v)?.[0] ?? null)) },
  { sql: `regexp_like($c, '^[A-Z]')`, model: (v) => (v === null ? null : String(/^[A-Z]/.test(v))) },
  { sql: `strpos($c, 'e')`, model: (v) => (v === null ? null : String(codePoints(v).indexOf('e') + 1)) },
  { sql: `greatest($c, 'M')`, model: (v) => (v === null ? null : v > 'M' ? v : 'M') },
  { sql: `nullif($c, '')`, model: (v) => (v === '' ? null : v) },
  { sql: `if($c IS NULL, 'missing', 'present')`, model: (v) => (v === null ? 'missing' : 'present') },
  { sql: `$c = 'AccessDenied'`, model: (v) => (v === null ? null : String(v === 'AccessDenied')) },
  { sql: `$c IN ('AccessDenied', NULL)`, model: (v) => (v === 'AccessDenied' ? 'true' : null) },
  { sql: `contains(ARRAY['AccessDenied', 'x'], $c)`, model: (v) => (v === null ? null : String(v === 'AccessDenied' || v === 'x')) },
  { sql: `cardinality(split($c, '.'))`, model: (v) => (v === null ? null : String(v.split('.').length)) },
];

export interface Mismatch {
  column: string;
  probe: string;
  value: V;
  expected: V;
  actual: V;
}

/** Runs every probe over `column` of `from` (a FROM clause), one query per column; returns rows that differ and how many rows were compared. */
export async function runDifferential(execute: Execute, from: string, limit = 2000): Promise<{ mismatches: Mismatch[]; rows: number; nulls: number }> {
  const mismatches: Mismatch[] = [];
  let rows = 0;
  let nulls = 0;
  for (const column of COLUMNS) {
    const exprs = [column, ...PROBES.map((p) => p.sql.replaceAll('$c', column))];
    const cols = exprs.flatMap((e, i) => [`(${e}) AS c${i}`, `((${e}) IS NULL) AS n${i}`]);
    const r = await execute(`SELECT ${cols.join(', ')} ${from} ORDER BY eventID LIMIT ${limit}`);
    if ('error' in r) throw new Error(`${column}: ${r.error}`);
    for (const row of r.rows) {
      const cell = (i: number): V => (row[2 * i + 1] === 'true' ? null : row[2 * i]);
      const value = cell(0);
      rows++;
      if (value === null) nulls++;
      PROBES.forEach((p, j) => {
        const expected = p.model(value);
        const actual = cell(j + 1);
        if (actual !== expected) mismatches.push({ column, probe: p.sql, value, expected, actual });
      });
    }
  }
  return { mismatches: mismatches.slice(0, 20), rows, nulls };
}
