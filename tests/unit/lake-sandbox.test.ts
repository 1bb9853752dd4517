import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, query, tempLake } from '../helpers/temp-lake';

/**
 * Hostile statements: each must be rejected (InvalidQueryStatementException) or fail cleanly,
 * never read or write a file, change a setting or load an extension; the lake keeps serving.
 */
const HOSTILE = [
  "SELECT * FROM read_csv('/etc/passwd')",
  "SELECT * FROM read_text('/etc/passwd')",
  "SELECT * FROM glob('/etc/*')",
  "SELECT * FROM read_parquet('/etc/passwd')",
  "SELECT * FROM read_json_auto('/etc/passwd')",
  "SELECT * FROM '/etc/passwd'",
  'SELECT * FROM "/etc/passwd"',
  'SELECT * FROM "data/lake/credentials.json"',
  "SELECT read_blob('/etc/passwd')",
  "SELECT * FROM $EDS_ID WHERE eventname = (SELECT content FROM read_text('/etc/passwd'))",
  "COPY (SELECT 1) TO '/tmp/pwned.csv'",
  "ATTACH '/tmp/x.db' AS x",
  "ATTACH ':memory:' AS m",
  'INSTALL httpfs',
  'LOAD httpfs',
  'PRAGMA enable_profiling',
  'PRAGMA database_list',
  'SET enable_external_access = true',
  'SET threads = 1',
  'RESET lock_configuration',
  'SELECT 1; DROP TABLE tb_empty_cloudtrail',
  "SELECT 1; SELECT * FROM read_csv('/etc/passwd')",
  "SELECT current_setting('home_directory')",
  "SELECT getenv('HOME')",
  'SELECT version()',
  'SELECT * FROM duckdb_settings()',
  'SELECT * FROM duckdb_extensions()',
  'SELECT * FROM pragma_database_size()',
  "SELECT * FROM query('SELECT 1')",
  "SELECT * FROM query_table('tb_empty_cloudtrail')",
  'SELECT * FROM tb_empty_cloudtrail',
  'SELECT * FROM information_schema.tables',
  'SELECT * FROM system.runtime.nodes',
  'CREATE MACRO evil() AS 1',
  "CREATE TABLE t AS SELECT * FROM read_csv('/etc/passwd')",
  'DELETE FROM $EDS_ID',
  'UPDATE $EDS_ID SET eventname = 1',
  'DROP TABLE $EDS_ID',
  "EXPLAIN SELECT * FROM read_csv('/etc/passwd')",
  "SELECT * FROM TABLE(read_csv('/etc/passwd'))",
  "SELECT 1 -- ; COPY (SELECT 1) TO '/tmp/x'\n; ATTACH 'x'",
  "SELECT '/*' ; COPY (SELECT 1) TO '/tmp/x' --*/",
  "SELECT tb_element_at(MAP(ARRAY['a'], ARRAY['b']), 'a')",
  "SELECT main.read_csv('/etc/passwd')",
  'SELECT "read_csv"(\'/etc/passwd\')',
  'SELECT ' + '('.repeat(3000) + '1' + ')'.repeat(3000),
  'SELECT ' + "'x' || ".repeat(2000) + "'y'",
  'SELECT 1' + ' '.repeat(10_001),
  'CALL pragma_version()',
  'USE memory',
  'CHECKPOINT',
  'VACUUM',
  "EXPORT DATABASE '/tmp/x'",
];

let t: Awaited<ReturnType<typeof tempLake>>;
beforeAll(async () => {
  t = await tempLake(loadFixture().slice(0, 50));
});
afterAll(() => t.close());

describe('the lake sandbox', () => {
  it(`has at least 40 hostile statements`, () => expect(HOSTILE.length).toBeGreaterThanOrEqual(40));

  it.each(HOSTILE.map((s) => [s.slice(0, 80), s]))('refuses %s', async (_label, sql) => {
    let outcome: string;
    try {
      const r = await query(t.lake, sql, t.store.id);
      outcome = r.status === 'FAILED' ? `failed: ${r.error}` : `ran: ${JSON.stringify(r.rows).slice(0, 200)}`;
      expect(r.status).toBe('FAILED');
    } catch (e) {
      outcome = `rejected: ${(e as Error).message}`;
      expect((e as { type?: string }).type).toBe('InvalidQueryStatementException');
    }
    expect(outcome).not.toMatch(/root:x:0:0/);
  });

  it('keeps serving queries afterwards, with its settings intact', async () => {
    const r = await query(t.lake, 'SELECT count(*) AS n, 7 / 2 AS half FROM $EDS_ID', t.store.id);
    expect(r.status).toBe('FINISHED');
    expect(r.rows).toEqual([['45', '3']]); // 50 records, 45 distinct eventIDs
  });
});

/**
 * The second wall, below the SQL generator: even SQL written straight to the query engine reads
 * only the stores' files, never what sits beside them in the data directory.
 */
describe("the query engine's own limits", () => {
  const attempt = async (sql: string) => {
    const con = await t.lake.engine.connect();
    try {
      return { rows: (await con.runAndReadAll(sql)).getRows() };
    } catch (e) {
      return { error: (e as Error).message };
    } finally {
      con.closeSync();
    }
  };

  it('cannot read the lake credentials, query results or spools', async () => {
    await query(t.lake, 'SELECT eventName FROM $EDS_ID LIMIT 3', t.store.id); // leaves a result under queries/
    for (const target of ['credentials.json', 'queries/*/*', 'tmp/*', 'imports/*', '../*', '../../*']) {
      const r = await attempt(`SELECT * FROM read_text('${t.lake.dir}/${target}')`);
      expect(r.error, target).toMatch(/Permission Error|disabled|not allowed/i);
    }
  });

  it("reads the stores' files", async () => {
    const r = await attempt(`SELECT count(*) FROM read_parquet('${t.lake.dir}/stores/${t.store.id}/data/*/*.parquet')`);
    expect(r.error).toBeUndefined();
    expect(Number(r.rows![0][0])).toBeGreaterThan(0);
  });
});
