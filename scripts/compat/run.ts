import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lake } from '../../lib/lake/lake';
import { LakeError } from '../../lib/lake/errors';
import { fillStorePlaceholders } from '../../lib/util/sql-text/code-spans';
import { expectationFor, FIXTURE_FINDINGS, KNOWN_LAKE_BUGS, loadCorpus, storeCategories, type Category, type CorpusQuery, type Expectation } from './corpus';

/**
 * The compatibility run: loads the fixtures into one event data store per category, runs every
 * corpus query through the lake in process, and compares each outcome with its expectation.
 */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_CORPUS = '../shared/data/queries-corpus.jsonl';

/** The corpus file: an explicit path, else TRAILBENCH_CORPUS, else the default; relative to the project root. */
export function corpusPath(explicit?: string): string {
  return path.resolve(PROJECT_ROOT, explicit || process.env.TRAILBENCH_CORPUS || DEFAULT_CORPUS);
}

/** Fixture file and the eventCategory values of the store it is loaded into. */
export const STORES: Record<Category, { name: string; eventCategories: string[]; fixture: string }> = {
  cloudtrail: { name: 'compat-cloudtrail', eventCategories: ['Management', 'Data', 'NetworkActivity'], fixture: 'tests/fixtures/sample-events.jsonl' },
  config: { name: 'compat-config-items', eventCategories: ['ConfigurationItem'], fixture: 'tests/fixtures/config-items.jsonl' },
  activity: { name: 'compat-integrations', eventCategories: ['ActivityAuditLog'], fixture: 'tests/fixtures/activity-audit-events.jsonl' },
};

/** `rejected`: StartQuery threw; `failed`: the query started but did not finish (FAILED, TIMED_OUT, ...). */
export type Status = 'FINISHED' | 'rejected' | 'failed';

export interface QueryResult {
  query: CorpusQuery;
  stores: Record<string, Category>;
  expected: Expectation;
  status: Status;
  /** For `rejected`: the LakeError type; for `failed`: the final query status. */
  errorType?: string;
  message?: string;
  rows?: number;
  /** How the outcome differs from the expectation (and, for fixture queries, from what they must find). */
  problems: string[];
  /** No problems: FINISHED (finding what it must), or InvalidQueryStatementException with a position. */
  asExpected: boolean;
  /** The diagnosis when this deviation is a known lake bug. */
  knownBug?: string;
}

export interface CompatRun {
  corpusFile: string;
  loaded: Record<Category, { events: number; failed: number }>;
  results: QueryResult[];
}

const POSITION = /^line \d+:\d+: /;

type RunOutcome = Pick<QueryResult, 'status' | 'errorType' | 'message' | 'rows'> & { cells?: string[][] };

/** Why an outcome is not the expected one; empty when it is. */
export function problemsOf(id: string, expected: Expectation, r: RunOutcome): string[] {
  const got = r.status === 'FINISHED' ? `FINISHED (${r.rows} rows)` : `${r.status} (${r.errorType}: ${r.message})`;
  if (expected.outcome === 'REJECTED') {
    const ok = r.status === 'rejected' && r.errorType === 'InvalidQueryStatementException' && POSITION.test(r.message ?? '');
    return ok ? [] : [`expected InvalidQueryStatementException with a line:column position, got ${got}`];
  }
  if (r.status !== 'FINISHED') return [`expected FINISHED, got ${got}`];
  const finding = FIXTURE_FINDINGS[id];
  const problems: string[] = [];
  if (finding && r.rows !== finding.rows) problems.push(`expected ${finding.rows} rows from the fixtures (${finding.what}), got ${r.rows}`);
  if (finding?.contains && !r.cells?.some((row) => row.some((cell) => cell.includes(finding.contains!)))) {
    problems.push(`no result cell contains '${finding.contains}' (${finding.what})`);
  }
  return problems;
}

function readJsonl(file: string): unknown[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

export async function runCompat(opts: { corpusFile: string; log?: (line: string) => void }): Promise<CompatRun> {
  const log = opts.log ?? (() => {});
  const corpus = loadCorpus(opts.corpusFile);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-compat-'));
  const lake = await Lake.open({ dataDir, region: 'us-east-1', accountId: '123456789012', queryTimeoutMs: 60_000, threads: 2, maxConcurrentQueries: 10 });
  try {
    const storeIds = {} as Record<Category, string>;
    const loaded = {} as CompatRun['loaded'];
    for (const [category, s] of Object.entries(STORES) as [Category, (typeof STORES)[Category]][]) {
      const store = lake.stores.create({
        name: s.name,
        advancedEventSelectors: [{ Name: s.name, FieldSelectors: [{ Field: 'eventCategory', Equals: s.eventCategories }] }],
      });
      const records = readJsonl(path.join(PROJECT_ROOT, s.fixture));
      const w = await lake.appendEvents(store.id, records);
      if (w.failed.length) log(`${s.fixture}: ${w.failed.length} record(s) not stored, e.g. ${w.failed[0].reason}`);
      storeIds[category] = store.id;
      loaded[category] = { events: w.added, failed: w.failed.length };
      log(`${s.name} (${store.shape}): ${w.added} events from ${s.fixture}`);
    }

    const results: QueryResult[] = [];
    for (const query of corpus) {
      const stores = storeCategories(query.sql);
      const ids = ['$EDS_ID', '$EDS_ID_2', '$EDS_ID_3'].map((p) => storeIds[stores[p] ?? 'cloudtrail']);
      const { cells, ...outcome } = await runOne(lake, fillStorePlaceholders(query.sql, ids), !!FIXTURE_FINDINGS[query.id]);
      const expected = expectationFor(query);
      const problems = problemsOf(query.id, expected, { ...outcome, cells });
      const asExpected = problems.length === 0;
      const result: QueryResult = { query, stores, expected, ...outcome, problems, asExpected, knownBug: asExpected ? undefined : KNOWN_LAKE_BUGS[query.id] };
      results.push(result);
      log(
        `${asExpected ? 'ok  ' : result.knownBug ? 'bug ' : 'FAIL'} ${query.id}: ${outcome.status}${outcome.rows !== undefined ? ` (${outcome.rows} rows)` : ''}${outcome.message ? ` ${outcome.message}` : ''}`,
      );
    }
    return { corpusFile: opts.corpusFile, loaded, results };
  } finally {
    lake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs one statement to the end; `withCells` also returns the first result rows. */
async function runOne(lake: Lake, sql: string, withCells: boolean): Promise<RunOutcome> {
  let queryId: string;
  try {
    queryId = (await lake.startQuery(sql)).queryId;
  } catch (e) {
    if (LakeError.is(e)) return { status: 'rejected', errorType: e.type, message: e.message };
    return { status: 'rejected', errorType: `internal error (${(e as Error).name || 'Error'})`, message: String((e as Error).message ?? e) };
  }
  for (;;) {
    const rec = lake.queries.get(queryId);
    if (rec.status === 'FINISHED') return { status: 'FINISHED', rows: rec.resultsCount, cells: withCells ? lake.queries.page(queryId, 0, 100) : undefined };
    if (rec.status !== 'QUEUED' && rec.status !== 'RUNNING') return { status: 'failed', errorType: rec.status, message: rec.errorMessage };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
