import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../lib/lake/sql/functions';
import { FUNCTION_CASES, REFUSED_NAMES } from '../conformance/trino-functions';
import { describeFailures, runConformance, type Execute } from '../conformance/run';
import fs from 'node:fs';
import { runDifferential } from '../conformance/differential';
import { renderFunctionsSection } from '../../scripts/compat/functions-doc';
import { loadFixture, query, tempLake } from '../helpers/temp-lake';

let t: Awaited<ReturnType<typeof tempLake>>;
beforeAll(async () => {
  t = await tempLake();
});
afterAll(() => t.close());

const execute: Execute = async (sql) => {
  try {
    const r = await query(t.lake, sql, t.store.id);
    return r.status === 'FINISHED' ? { rows: r.rows } : { error: r.error ?? r.status };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe('the conformance table', () => {
  it('has a case for every function the lake accepts', () => {
    const covered = new Set(FUNCTION_CASES.map((e) => e.name));
    expect(Object.keys(FUNCTIONS).filter((n) => !covered.has(n))).toEqual([]);
  });

  it('is listed, case by case, in docs/compatibility.md (npm run compat:functions)', () => {
    expect(fs.readFileSync('docs/compatibility.md', 'utf8')).toContain(renderFunctionsSection());
  });

  it('names only functions the lake accepts, or operators and syntax', () => {
    const unknown = FUNCTION_CASES.map((e) => e.name).filter((n) => /^[a-z_0-9]+$/.test(n) && !Object.hasOwn(FUNCTIONS, n));
    expect(unknown).toEqual([]);
  });

  it('passes in process: every case as Trino documents it', async () => {
    expect(describeFailures(await runConformance(execute))).toEqual([]);
  }, 120_000);

  it.each(REFUSED_NAMES)('refuses %s, which is not a Trino function', async (name) => {
    const r = await execute(`SELECT ${name}('x')`);
    expect(r).toEqual({ error: `line 1:8: Function '${name}' not registered` });
  });
});

describe('the differential check over real events', () => {
  it("gives Trino's answer on every row of NULL-bearing columns of the fixture events", async () => {
    const fixture = await tempLake(loadFixture(), 'fixture-events');
    try {
      const run: Execute = async (sql) => {
        const r = await query(fixture.lake, sql, fixture.store.id);
        return r.status === 'FINISHED' ? { rows: r.rows } : { error: r.error ?? r.status };
      };
      const { mismatches, rows, nulls } = await runDifferential(run, `FROM ${fixture.store.id}`);
      expect(mismatches).toEqual([]);
      expect(rows).toBeGreaterThan(1000);
      expect(nulls).toBeGreaterThan(500); // the missing-key lookup alone is NULL on every row
    } finally {
      await fixture.close();
    }
  }, 120_000);
});
