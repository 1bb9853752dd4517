/**
 * `npm run bench [-- --events N] [--reps R] [--warmup W] [--only id,id] [--no-doc] [--no-isolation | --only-isolation] [--no-steady | --only-steady] [--steady-events N]`
 *
 * Benchmarks the built-in lake through its CloudTrail API over real HTTP against the same SQL run
 * directly on DuckDB, and writes docs/benchmarks.md. See that file for the method.
 */
import os from 'node:os';
import path from 'node:path';
import type { DuckDBConnection } from '../lib/lake/engine/duckdb-api';
import type { Lake } from '../lib/lake/lake';
import { openDataset } from './dataset';
import { serveLake } from './http-lake';
import { apiClient, median, runApi, runBaseline, type ApiRun } from './measure';
import { benchDay, benchQueries, lookupSeedSql, type BenchQuery } from './queries';
import { breakdownCommon, breakdownQuery, type CommonBreakdown, type QueryBreakdown } from './diagnose';
import { machineInfo, writeReport, printSummary, type BenchResults } from './report';
import { benchExport, exportScratch, exportSection } from './export';
import { benchImport, importSection } from './import';
import { benchRender, renderSection } from './render';
import { benchIsolation, isolationSection } from './isolation';
import { writeSection } from './sections';
import { benchSteadyState, steadyStateSection } from './steady-state';

export interface QueryResult {
  query: BenchQuery;
  duckSql: string;
  api: ApiRun[];
  baselineMs: number[];
  baselineCpuMs: number[];
  baselineRows: number;
  /** Time inside handleLakeRequest during the timed repetitions, per operation. */
  handlerMs: Record<string, number[]>;
  /** Parquet files the translated SQL reads. */
  files: number;
  /** DescribeQuery's statistics for `query.widened`, run once, untimed. */
  widened?: { bytesScanned: number; eventsScanned: number; files: number };
  breakdown?: QueryBreakdown;
}

interface Args {
  events: number;
  reps: number;
  warmup: number;
  only?: string[];
  doc: boolean;
  diagnose: boolean;
  export: boolean;
  importEvents: number;
  render: boolean;
  isolation: boolean;
  onlyIsolation: boolean;
  steadyEvents: number;
  onlySteady: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    events: 1_000_000,
    reps: 21,
    warmup: 3,
    doc: true,
    diagnose: true,
    export: true,
    importEvents: 1_000_000,
    render: true,
    isolation: true,
    onlyIsolation: false,
    steadyEvents: 140_000,
    onlySteady: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    const int = (name: string) => {
      const n = Number(value().replaceAll('_', ''));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
      return n;
    };
    if (flag === '--events') args.events = int('--events');
    else if (flag === '--reps') args.reps = int('--reps');
    else if (flag === '--warmup') args.warmup = int('--warmup');
    else if (flag === '--only') args.only = value().split(',');
    else if (flag === '--no-doc') args.doc = false;
    else if (flag === '--no-diagnose') args.diagnose = false;
    else if (flag === '--no-export') args.export = false;
    else if (flag === '--import-events') args.importEvents = int('--import-events');
    else if (flag === '--no-import') args.importEvents = 0;
    else if (flag === '--no-render') args.render = false;
    else if (flag === '--no-isolation') args.isolation = false;
    else if (flag === '--only-isolation') args.onlyIsolation = true;
    else if (flag === '--steady-events') args.steadyEvents = int('--steady-events');
    else if (flag === '--no-steady') args.steadyEvents = 0;
    else if (flag === '--only-steady') args.onlySteady = true;
    else
      throw new Error(
        `unknown option ${argv[i]} (use --events N, --reps R, --warmup W, --only id,id, --no-doc, --no-diagnose, --no-export, --import-events N, --no-import, --no-render, --no-isolation, --only-isolation, --steady-events N, --no-steady, --only-steady)`,
      );
  }
  return args;
}

const log = (s: string) => console.log(`[bench] ${s}`);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.onlyIsolation) return isolationStep(args);
  if (args.onlySteady) return steadyStep(args);
  const loadAtStart = os.loadavg();
  const dataset = await openDataset(args.events, log);
  const { lake, meta } = dataset;
  const { ingest } = meta;
  log(
    `${meta.added.toLocaleString('en-US')} events in ${meta.files} Parquet files (${(meta.parquetBytes / 1e6).toFixed(0)} MB), ` +
      (dataset.fresh
        ? `ingested at ${Math.round(meta.events / (ingest.totalMs / 1000)).toLocaleString('en-US')} events/s`
        : `cached in ${path.relative(process.cwd(), dataset.dir)}/`),
  );
  const server = await serveLake(lake);
  const client = apiClient(lake, server.endpoint);
  try {
    const day = benchDay(meta.end);
    const eventId = await firstCell(lake, lookupSeedSql(meta.storeId, day));
    const all = benchQueries({ storeId: meta.storeId, day, eventId, first: meta.start.slice(0, 10), last: meta.end.slice(0, 10) });
    const unknown = args.only?.filter((id) => !all.some((q) => q.id === id)) ?? [];
    if (unknown.length) throw new Error(`unknown query id ${unknown.join(', ')}; the queries are ${all.map((q) => q.id).join(', ')}`);
    const queries = all.filter((q) => !args.only || args.only.includes(q.id));
    const results: QueryResult[] = [];
    for (const query of queries) {
      log(`${query.id}: ${args.warmup} warm-up + ${args.reps} timed runs, API and baseline alternating`);
      const r = await measureQuery(lake, client, server, query, args);
      if (query.widened) {
        const w = await runApi(client, query.widened);
        r.widened = { bytesScanned: w.bytesScanned, eventsScanned: w.eventsScanned, files: parquetFiles((await lake.prepare(query.widened)).translation.sql) };
      }
      results.push(r);
      log(`  API ${median(r.api.map((a) => a.totalMs)).toFixed(1)} ms, DuckDB ${median(r.baselineMs).toFixed(1)} ms, ${r.baselineRows} rows`);
    }
    let common: CommonBreakdown | undefined;
    if (args.diagnose) {
      log('breakdown: stages of the API path, in-process');
      const scratch = path.join(dataset.dir, 'diag');
      for (const r of results) r.breakdown = await breakdownQuery(lake, r.query.sql, r.api[r.api.length - 1].queryId, scratch);
      common = await breakdownCommon(lake, server, client, results[0].api[0].queryId, scratch, results[0].query);
    }
    const bench: BenchResults = { args, meta, fresh: dataset.fresh, day, results, common, machine: await machineInfo(lake), loadAtStart, date: new Date() };
    printSummary(bench);
    if (args.doc) {
      const file = writeReport(bench);
      log(`wrote ${path.relative(process.cwd(), file)}`);
    }
    if (args.export && !args.only) {
      log('export: the whole dataset as one result, exported as CSV through the API');
      const r = await benchExport(client, meta.storeId, exportScratch(dataset.dir));
      log(`  ${r.rows.toLocaleString('en-US')} rows in ${r.seconds.toFixed(1)} s; RSS ${r.rssBeforeMb.toFixed(0)} → ${r.rssPeakMb.toFixed(0)} MB`);
      if (args.doc) writeSection('export', exportSection(r, meta.added));
    }
  } finally {
    client.destroy();
    await server.close();
    lake.close();
  }
  if (args.importEvents && !args.only) {
    const r = await benchImport(args.importEvents, log);
    log(
      `  import ${Math.round(r.eventsCompleted / r.importSeconds).toLocaleString('en-US')} events/s, floor ${Math.round(r.events / r.floorSeconds).toLocaleString('en-US')} events/s`,
    );
    if (args.doc) writeSection('import', importSection(r));
  }
  if (args.render && !args.only) {
    log('render: the first 1,000-row page in Chromium (e2e/results-performance.spec.ts)');
    const r = benchRender(log);
    log(`  first page rendered in ${r.firstPageRenderMs.median} ms (median)`);
    if (args.doc) writeSection('render', renderSection(r));
  }
  if (args.isolation && !args.only) isolationStep(args);
  if (args.steadyEvents && !args.only) await steadyStep(args);
}

/** 7 days of 5-minute deliveries: 2,016 commits. */
async function steadyStep(args: Args) {
  const r = await benchSteadyState({ events: args.steadyEvents, days: 7, reps: 7, freshnessSamples: 12, followIntervalMs: 10_000 }, log);
  log(`  ${r.commits} commits; files per day ${r.live.maxFilesPerDay} (live) / ${r.bulk.maxFilesPerDay} (bulk)`);
  if (args.doc) writeSection('steady-state', steadyStateSection(r));
  else console.log(steadyStateSection(r));
}

function isolationStep(args: Args) {
  log('isolation: sign-in and /api/health while the maximum number of heavy queries run (tests/integration/query-isolation.test.ts)');
  const r = benchIsolation(log);
  log(`  p95 sign-in ${r.signInP95Ms} ms, /api/health ${r.healthP95Ms} ms (${r.met ? 'target met' : 'target NOT met'})`);
  if (args.doc) writeSection('isolation', isolationSection(r));
}

async function measureQuery(
  lake: Lake,
  client: ReturnType<typeof apiClient>,
  server: Awaited<ReturnType<typeof serveLake>>,
  query: BenchQuery,
  args: Args,
): Promise<QueryResult> {
  const duckSql = (await lake.prepare(query.sql)).translation.sql;
  const con = await lake.engine.connect();
  try {
    return await measurePairs(con, duckSql, client, server, query, args);
  } finally {
    con.closeSync();
  }
}

async function measurePairs(
  con: DuckDBConnection,
  duckSql: string,
  client: ReturnType<typeof apiClient>,
  server: Awaited<ReturnType<typeof serveLake>>,
  query: BenchQuery,
  args: Args,
): Promise<QueryResult> {
  for (let i = 0; i < args.warmup; i++) {
    await runApi(client, query.sql);
    await runBaseline(con, duckSql);
  }
  server.handlerMs.clear();
  const api: ApiRun[] = [];
  const baselineMs: number[] = [];
  const baselineCpuMs: number[] = [];
  let baselineRows = 0;
  // Alternate which side goes first, so drift and noise fall on both.
  for (let i = 0; i < args.reps; i++) {
    const runB = async () => {
      const b = await runBaseline(con, duckSql);
      baselineMs.push(b.ms);
      baselineCpuMs.push(b.cpuMs);
      baselineRows = b.rows;
    };
    if (i % 2) await runB();
    api.push(await runApi(client, query.sql));
    if (!(i % 2)) await runB();
  }
  const mismatch = api.find((a) => a.rows !== baselineRows);
  if (mismatch) throw new Error(`${query.id}: the API returned ${mismatch.rows} rows, DuckDB ${baselineRows}`);
  return { query, duckSql, api, baselineMs, baselineCpuMs, baselineRows, handlerMs: Object.fromEntries(server.handlerMs), files: parquetFiles(duckSql) };
}

const parquetFiles = (duckSql: string) => duckSql.match(/\.parquet'/g)?.length ?? 0;

async function firstCell(lake: Lake, sql: string): Promise<string> {
  const { translation } = await lake.prepare(sql);
  const con = await lake.engine.connect();
  try {
    const rows = (await con.runAndReadAll(translation.sql)).getRows();
    if (!rows.length) throw new Error(`no rows for: ${sql}`);
    return String(rows[0][0]);
  } finally {
    con.closeSync();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
