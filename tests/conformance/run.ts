import { FUNCTION_CASES, type Expected } from './trino-functions';

/** What running one statement gave: the result's cells, or the error that stopped it (at StartQuery or while running). */
export type Outcome = { rows: string[][] } | { error: string };
export type Execute = (sql: string) => Promise<Outcome>;

export interface CaseResult {
  name: string;
  expr: string;
  expected: Expected;
  actual: Expected;
}

const BATCH = 60;

/**
 * Runs every case of the conformance table through `execute`: expected values in batches (one
 * SELECT of many columns, each beside its `IS NULL` so a NULL is told from an empty string
 * whatever the wire prints), expected errors one statement each. `from` is appended to each
 * SELECT (a FROM clause that yields exactly one row, or nothing).
 */
export async function runConformance(execute: Execute, from = ''): Promise<CaseResult[]> {
  const all = FUNCTION_CASES.flatMap((e) => e.cases.map(([expr, expected]) => ({ name: e.name, expr, expected })));
  const values = all.filter((c) => !isError(c.expected));
  const errors = all.filter((c) => isError(c.expected));
  const out: CaseResult[] = [];
  for (let i = 0; i < values.length; i += BATCH) {
    const batch = values.slice(i, i + BATCH);
    const got = await selectValues(
      execute,
      batch.map((c) => c.expr),
      from,
    );
    // A batch that fails as a whole is re-run case by case, so the report names the case.
    let each: Awaited<ReturnType<typeof selectValues>>[] | undefined;
    if ('error' in got) {
      each = [];
      for (const c of batch) each.push(await selectValues(execute, [c.expr], from));
    }
    batch.forEach((c, j) => {
      const r = each ? each[j] : got;
      out.push({ ...c, actual: 'error' in r ? { error: r.error } : r.cells[each ? 0 : j] });
    });
  }
  for (const c of errors) {
    const r = await execute(`SELECT ${c.expr} AS v${from}`);
    out.push({ ...c, actual: 'error' in r ? { error: r.error } : cellOf(r.rows[0]?.[0], false) });
  }
  return out;
}

async function selectValues(execute: Execute, exprs: string[], from: string): Promise<{ cells: Expected[] } | { error: string }> {
  const cols = exprs.flatMap((e, i) => [`(${e}) AS c${i}`, `((${e}) IS NULL) AS n${i}`]);
  const r = await execute(`SELECT ${cols.join(', ')}${from}`);
  if ('error' in r) return r;
  if (r.rows.length !== 1) return { error: `expected one row, got ${r.rows.length}` };
  return { cells: exprs.map((_, i) => cellOf(r.rows[0][2 * i], r.rows[0][2 * i + 1] === 'true')) };
}

const cellOf = (cell: string | undefined, isNull: boolean): Expected => (isNull ? null : (cell ?? ''));

export const isError = (e: Expected): e is { error: string } => typeof e === 'object' && e !== null;

/** Whether a result is what the table expects: equal cells, or an error whose message contains the expected text. */
export function passes(r: CaseResult): boolean {
  if (isError(r.expected)) return isError(r.actual) && r.actual.error.includes(r.expected.error);
  return r.actual === r.expected;
}

/** One line per failing case, for a readable test failure. */
export function describeFailures(results: CaseResult[]): string[] {
  const show = (e: Expected) => (e === null ? 'NULL' : isError(e) ? `error ${JSON.stringify(e.error)}` : JSON.stringify(e));
  return results.filter((r) => !passes(r)).map((r) => `${r.expr}: expected ${show(r.expected)}, got ${show(r.actual)}`);
}
