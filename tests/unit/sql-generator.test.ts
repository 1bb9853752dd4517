import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer';
import { SAMPLE_QUERIES } from '../../lib/workbench/sample-queries';
import { LakeError } from '../../lib/lake/errors';
import { loadFixture, query, tempLake } from '../helpers/temp-lake';

/**
 * User SQL never reaches DuckDB as text: the DuckDB statement is generated from the Trino parse
 * tree. Two escapes a hostile review found (comment text copied through, where Trino and DuckDB
 * end block comments differently; CTE names visible outside their scope) and a differential fuzz
 * that fails when a generated statement holds anything the generator did not write: a comment,
 * a dollar quote, a prefixed string, or a bare word that is neither a Trino keyword nor a word
 * of the generator's own source.
 */
let t: Awaited<ReturnType<typeof tempLake>>;
let events: string; // how many events the store holds, as a result cell
beforeAll(async () => {
  t = await tempLake(loadFixture().slice(0, 30));
  events = (await query(t.lake, 'SELECT count(*) FROM $EDS_ID', t.store.id)).rows[0][0] as string;
});
afterAll(() => t.close());

const run = (sql: string) => query(t.lake, sql, t.store.id);

describe('comments are dropped, never copied into DuckDB SQL', () => {
  it('reads a Trino string literal that DuckDB would have read as code as the string it is', async () => {
    const payload = '*/ current_setting($$allowed_directories$$) AS x, --';
    const r = await run(`SELECT /* /* */ '${payload}' AS y FROM $EDS_ID LIMIT 1`);
    expect(r.status).toBe('FINISHED');
    expect(r.columns).toEqual(['y']);
    expect(r.rows).toEqual([[payload]]);
  });

  it('cannot read files through the same shape', async () => {
    const payload = "*/ (SELECT string_agg(content, '') FROM read_text('/etc/passwd')) AS x, --";
    const r = await run(`SELECT /* /* */ '${payload.replaceAll("'", "''")}' AS y FROM $EDS_ID LIMIT 1`);
    expect(r.rows).toEqual([[payload]]);
    expect(JSON.stringify(r.rows)).not.toContain('root:');
  });

  it('keeps the query working when comments sit between any two tokens', async () => {
    const r = await run(`SELECT/*a*/count(/* b /* c */*)--d\nAS/**/n FROM $EDS_ID -- end`);
    expect(r.status).toBe('FINISHED');
    expect(r.rows).toEqual([[events]]);
  });
});

describe('table references resolve by SQL scope', () => {
  const refused = async (sql: string, message: RegExp) => {
    await expect(t.lake.prepare(sql.replaceAll('$EDS_ID', t.store.id))).rejects.toThrow(message);
  };

  it('does not let a CTE of a subquery make a name elsewhere pass through', async () => {
    for (const target of ['"/etc/passwd"', '"/etc/hostname"', 'pg_settings', 'information_schema.tables', 'duckdb_databases', '"credentials.json"']) {
      const name = target.replaceAll('"', '');
      await refused(`SELECT * FROM (WITH "${name}" AS (SELECT 1 AS a) SELECT * FROM "${name}") CROSS JOIN ${target}`, /does not exist/);
      await refused(`SELECT (WITH "${name}" AS (SELECT 1 AS a) SELECT a FROM "${name}") AS v FROM ${target}`, /does not exist/);
    }
  });

  it('does not let a CTE see the CTEs defined after it', async () => {
    await refused(`WITH a AS (SELECT * FROM b), b AS (SELECT eventName FROM $EDS_ID) SELECT * FROM a`, /Table 'b' does not exist/);
  });

  it('resolves CTEs where SQL scoping makes them visible', async () => {
    const cases = [
      `WITH a AS (SELECT eventName FROM $EDS_ID) SELECT count(*) FROM a`,
      `WITH a AS (SELECT eventName FROM $EDS_ID), b AS (SELECT * FROM a) SELECT count(*) FROM b`,
      `SELECT count(*) FROM (WITH a AS (SELECT eventName FROM $EDS_ID) SELECT * FROM a)`,
      `WITH a AS (SELECT eventName FROM $EDS_ID) SELECT count(*) FROM (SELECT * FROM a) x WHERE x.eventName IN (SELECT eventName FROM a)`,
      `WITH "Quoted Name" AS (SELECT eventName FROM $EDS_ID) SELECT count(*) FROM "quoted name"`,
    ];
    for (const sql of cases) {
      const r = await run(sql);
      expect(r.error, sql).toBeUndefined();
      expect(r.rows, sql).toEqual([[events]]);
    }
  });
});

// --- the differential fuzz ---

/** Every word the generator itself can write: Trino's keywords and the words of the generator's source. */
const GENERATOR_SOURCES = ['lib/lake/sql', 'lib/lake/lake.ts'];
const allowedWords = (() => {
  const words = new Set<string>();
  for (const n of TrinoSqlLexer.literalNames) if (n && /^'[A-Z_]+'$/.test(n)) words.add(n.slice(1, -1).toLowerCase());
  const files = GENERATOR_SOURCES.flatMap((p) => (p.endsWith('.ts') ? [p] : fs.readdirSync(p).map((f) => path.join(p, f))));
  for (const f of files) for (const w of fs.readFileSync(f, 'utf8').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) words.add(w.toLowerCase());
  return words;
})();

/** Words the fuzz's hostile input uses that would be dangerous as DuckDB code. */
const HOSTILE_WORDS = [
  'current_setting',
  'read_text',
  'read_csv',
  'read_blob',
  'glob',
  'getenv',
  'pg_settings',
  'duckdb_databases',
  'duckdb_settings',
  'information_schema',
  'query_table',
  'evil',
];

/**
 * Lexes DuckDB SQL the way DuckDB does (nested block comments, dollar quotes, prefixed strings)
 * and returns what in it the generator could not have written.
 */
export function foreignTokens(sql: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < sql.length;) {
    const c = sql[i];
    const rest = sql.slice(i);
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        const k = sql.indexOf(c, j);
        if (k < 0) return [...found, `unterminated ${c} at ${i}`];
        if (sql[k + 1] === c) j = k + 2;
        else {
          i = k + 1;
          break;
        }
      }
      continue;
    }
    if (rest.startsWith('--') || rest.startsWith('/*')) found.push(`comment at ${i}: ${rest.slice(0, 30)}`);
    if (c === '$') found.push(`dollar at ${i}: ${rest.slice(0, 30)}`);
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest)?.[0];
    if (number) {
      i += number.length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
    if (word) {
      if (sql[i + word.length] === "'" || (sql[i + word.length] === '&' && sql[i + word.length + 1] === "'")) found.push(`prefixed string at ${i}: ${word}'`);
      if (!allowedWords.has(word.toLowerCase()) && !/^(tb_\w+|_u\d+|_col\d+)$/i.test(word)) found.push(`word not from the generator: ${word}`);
      i += word.length;
      continue;
    }
    i++;
  }
  return found;
}

/** A seeded PRNG (mulberry32), so a failure reproduces. */
function prng(seed: number) {
  let a = seed;
  return <T>(items: readonly T[]): T => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return items[Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * items.length)];
  };
}

const COMMENTS = ['', '/* /* */', '/* */', '/**/', '--x\n', '/* ', "/* ' */", '/* " */', '/* $$ */', '-- */\n', '/* -- */'];
const STRINGS = [
  "'*/ current_setting($$allowed_directories$$) AS x, --'",
  "'$$'",
  "'a''b'",
  "'\\'",
  "''''",
  "'é ☃ \u202e'",
  "'/* '",
  "' */'",
  "'--'",
  "'\" read_text(''/etc/passwd'') \"'",
  "'$tag$ glob(''/*'') $tag$'",
  "'x' || '/*' || getenv('HOME')",
];
const NAMES = [
  'eventName',
  '"eventName"',
  '"/etc/passwd"',
  '"x"" FROM read_text(\'\'/etc/passwd\'\') --"',
  '`read_text`',
  '"pg_settings"',
  'pg_settings',
  '"*/"',
  '"$$"',
  '"é☃"',
  '"/*"',
  '"--"',
  'information_schema.tables',
  'duckdb_databases',
  '"a"".""b"',
  'evil',
  '"glob"',
];
const EXPRS = [
  ...STRINGS,
  ...NAMES,
  '1',
  '1e3',
  '.5',
  'count(*)',
  "current_setting('threads')",
  "read_text('/etc/passwd')",
  "E'\\x41'",
  "U&'\\0041'",
  "X'41'",
  '$$x$$',
  '?',
  "getenv('HOME')",
];
const TABLES = [
  '$EDS_ID',
  '"$EDS_ID"',
  '"/etc/passwd"',
  'pg_settings',
  'information_schema.tables',
  'duckdb_databases',
  "read_text('/etc/passwd')",
  'q',
  '"q"',
  'evil',
];
const SHAPES: ((p: <T>(items: readonly T[]) => T) => string)[] = [
  (p) => `SELECT ${p(COMMENTS)} ${p(EXPRS)} ${p(COMMENTS)} AS ${p(NAMES)} FROM ${p(TABLES)} ${p(COMMENTS)} LIMIT 1`,
  (p) => `SELECT ${p(EXPRS)}, ${p(EXPRS)} FROM $EDS_ID WHERE ${p(NAMES)} = ${p(STRINGS)} ${p(COMMENTS)}`,
  (p) => `WITH ${p(NAMES)} AS (SELECT ${p(EXPRS)} AS a FROM ${p(TABLES)}) SELECT * FROM ${p(TABLES)}`,
  (p) => `SELECT * FROM (WITH ${p(NAMES)} AS (SELECT 1 AS a) SELECT * FROM ${p(TABLES)}) CROSS JOIN ${p(TABLES)}`,
  (p) => `SELECT ${p(EXPRS)} FROM $EDS_ID ${p(COMMENTS)} WHERE eventTime > ${p(STRINGS)} ${p(COMMENTS)} OR ${p(EXPRS)} LIKE ${p(STRINGS)}`,
  (p) => `SELECT ${p(COMMENTS)}${p(STRINGS)}${p(COMMENTS)}${p(EXPRS)}${p(COMMENTS)} FROM $EDS_ID`,
  (p) => `SELECT element_at(requestParameters, ${p(STRINGS)}) AS ${p(NAMES)}, ${p(NAMES)}.${p(NAMES)} FROM $EDS_ID AS ${p(NAMES)}`,
];

describe('the differential fuzz', () => {
  it('finds what it looks for (the checker is not blind)', () => {
    expect(foreignTokens(`SELECT 1 /* /* */ '*/ current_setting($$x$$) --'`)).not.toEqual([]);
    expect(foreignTokens(`SELECT read_text('/etc/passwd')`)).toContain('word not from the generator: read_text');
    expect(foreignTokens(`SELECT E'\\x41'`)[0]).toMatch(/prefixed string/);
    expect(foreignTokens(`SELECT "read_text", 'glob' FROM read_parquet(['/x'])`)).toEqual([]);
  });

  it('generates only its own tokens for the sample queries', async () => {
    for (const s of SAMPLE_QUERIES) {
      const p = await t.lake.prepare(s.sql.replaceAll('$EDS_ID', t.store.id));
      expect(foreignTokens(p.translation.sql), s.id).toEqual([]);
    }
  });

  it('sends DuckDB only its own tokens for 2,000 hostile statements, or refuses them before', async () => {
    // Every statement that reaches DuckDB, whether DuckDB then accepts it or not.
    const reached: string[] = [];
    const bind = t.lake.queries.bind.bind(t.lake.queries);
    t.lake.queries.bind = (sql, ...rest) => {
      reached.push(sql);
      return bind(sql, ...rest);
    };
    const pick = prng(19);
    try {
      for (let i = 0; i < 2000; i++) {
        const sql = pick(SHAPES)(pick).replaceAll('$EDS_ID', t.store.id);
        const before = reached.length;
        try {
          await t.lake.prepare(sql);
        } catch (e) {
          expect(LakeError.is(e) && e.type, `${sql}\n${(e as Error).message}`).toBe('InvalidQueryStatementException');
        }
        for (const generated of reached.slice(before)) {
          expect(foreignTokens(generated), `${sql}\n→ ${generated}`).toEqual([]);
          const bare = generated.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, ' ');
          for (const w of HOSTILE_WORDS) expect(new RegExp(`\\b${w}\\b`, 'i').test(bare), `${w} in ${generated}`).toBe(false);
        }
      }
    } finally {
      t.lake.queries.bind = bind;
    }
    expect(reached.length).toBeGreaterThan(500); // the fuzz exercises the generator, not only the parser's refusals
  }, 120_000);
});
