import fs from 'node:fs';
import path from 'node:path';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { DescribeQueryCommand } from '@aws-sdk/client-cloudtrail';
import type { Lake } from '../lib/lake/lake';
import { parseStatement } from '../lib/lake/sql/parse';
import { formatCell } from '../lib/lake/query/format-cell';
import { ResultsWriter } from '../lib/lake/query/results-file';
import { writeFileAtomic } from '../lib/util/fs-atomic';
import { verifySigV4 } from '../lib/lake/api/sigv4';
import { queryOperations } from '../lib/lake/api/operations/queries';
import { stringifyWithRaw } from '../lib/lake/api/raw-json';
import type { HttpLake } from './http-lake';
import { median, runApi, PAGE_SIZE } from './measure';

/**
 * Where the API path spends its time, stage by stage, measured in-process with the lake's own
 * modules (nothing here is on the timed path of the main comparison).
 */
export interface QueryBreakdown {
  /** lake.prepare(): parse + translate + file selection + bindCheck. */
  prepareMs: number;
  parseMs: number;
  bindCheckMs: number;
  /** The execute loop taken apart: engine (connect, stream, fetch), then getRows(), formatCell, results file, each on its own. */
  fetchMs: number;
  getRowsMs: number;
  formatMs: number;
  writeMs: number;
  /**
   * For a listing (`translation.manyRows`), the path QueryManager takes instead of getRows +
   * formatCell + results file: the statement wrapped so DuckDB returns each row in wire form
   * (bind included), streamed, each row read as one string and written. NaN otherwise.
   */
  wireMs: number;
  /** Reading every page back (lake.queries.page) and the GetQueryResults operation + JSON for every page. */
  readPagesMs: number;
  resultsOpMs: number;
}

export interface CommonBreakdown {
  /** writeFileAtomic of a query's meta.json (write, fsync, rename, fsync dir); twice per query. */
  persistMs: number;
  /** verifySigV4 of a captured DescribeQuery request. */
  sigv4Ms: number;
  /** DescribeQuery of a finished query: client round trip and time inside handleLakeRequest. */
  describeRttMs: number;
  describeHandlerMs: number;
  /** Synchronous filesystem calls on the event loop per API query (calls and ms), over repeated runs of one query. */
  syncFs: { call: string; calls: number; ms: number }[];
  syncFsQuery: string;
}

const REPS = 9;

async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * The execute loop of QueryManager taken apart: the engine (connect, stream, fetch every chunk),
 * then, timed separately on the fetched chunks, getRows(), formatCell on every cell and the
 * results file. Separate timers keep the engine's variance out of the per-row costs.
 */
async function executeStages(lake: Lake, sql: string, file: string) {
  const t0 = performance.now();
  const con = await lake.engine.connect();
  try {
    const result = await con.stream(sql);
    const types = result.columnTypes();
    const chunks = [];
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      chunks.push(chunk);
    }
    const t1 = performance.now();
    // The lake's conversion, split in two: reading values out of the vectors, then formatting them.
    const values = chunks.flatMap((c) => {
      const vectors = types.map((_, i) => c.getColumnVector(i));
      return Array.from({ length: c.rowCount }, (_, r) => vectors.map((v) => v.getItem(r)));
    });
    const t2 = performance.now();
    const cells = values.map((row) => row.map((v, i) => formatCell(v, types[i])));
    const t3 = performance.now();
    const writer = new ResultsWriter(file);
    writer.columns = result.columnNames();
    for (const c of cells) writer.append(c);
    writer.close();
    const t4 = performance.now();
    return { fetchMs: t1 - t0, getRowsMs: t2 - t1, formatMs: t3 - t2, writeMs: t4 - t3 };
  } finally {
    con.closeSync();
  }
}

/**
 * A listing's rows as QueryManager writes them: DuckDB formats each row in wire form, one string
 * per row. Milliseconds, bind included; NaN for a listing with columns only formatCell can format.
 */
async function wireRows(lake: Lake, sql: string, file: string): Promise<number> {
  const t0 = performance.now();
  const bound = await lake.queries.bind(sql, true);
  try {
    if (!bound.wireColumns) return NaN;
    const result = await bound.stmt.stream();
    const writer = new ResultsWriter(file);
    writer.columns = bound.wireColumns;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const rows = chunk.getColumnVector(0);
      for (let r = 0; r < chunk.rowCount; r++) writer.appendLine(rows.getItem(r) as string);
    }
    writer.close();
    return performance.now() - t0;
  } finally {
    lake.queries.release(bound);
  }
}

export async function breakdownQuery(lake: Lake, sql: string, finishedQueryId: string, scratch: string): Promise<QueryBreakdown> {
  fs.mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, 'results.ndjson');
  const { translation } = await lake.prepare(sql);
  const samples: Record<keyof QueryBreakdown, number[]> = {
    prepareMs: [],
    parseMs: [],
    bindCheckMs: [],
    fetchMs: [],
    getRowsMs: [],
    formatMs: [],
    writeMs: [],
    wireMs: [],
    readPagesMs: [],
    resultsOpMs: [],
  };
  const total = lake.queries.get(finishedQueryId).resultsCount;
  for (let i = 0; i < REPS; i++) {
    samples.prepareMs.push(await timeIt(() => lake.prepare(sql)));
    samples.parseMs.push(await timeIt(() => parseStatement(sql)));
    samples.bindCheckMs.push(await timeIt(async () => lake.queries.release(await lake.queries.bind(translation.sql))));
    const stages = await executeStages(lake, translation.sql, file);
    for (const k of ['fetchMs', 'getRowsMs', 'formatMs', 'writeMs'] as const) samples[k].push(stages[k]);
    samples.wireMs.push(translation.manyRows ? await wireRows(lake, translation.sql, file) : NaN);
    samples.readPagesMs.push(
      await timeIt(() => {
        for (let start = 0; start < Math.max(total, 1); start += PAGE_SIZE) lake.queries.pageJson(finishedQueryId, start, PAGE_SIZE);
      }),
    );
    samples.resultsOpMs.push(
      await timeIt(() => {
        let token: string | undefined;
        do {
          const out = queryOperations.GetQueryResults(lake, { QueryId: finishedQueryId, NextToken: token, MaxQueryResults: PAGE_SIZE });
          stringifyWithRaw(out);
          token = out.NextToken;
        } while (token);
      }),
    );
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as unknown as QueryBreakdown;
}

const SYNC_FS = ['fsyncSync', 'renameSync', 'mkdirSync', 'openSync', 'closeSync', 'writeSync', 'readSync', 'readFileSync'] as const;

/** Runs fn with node:fs's synchronous calls wrapped in timers (the lake's modules call them through the same object). */
async function withSyncFsTimers(fn: () => Promise<void>): Promise<Map<string, { calls: number; ms: number }>> {
  const stats = new Map<string, { calls: number; ms: number }>();
  const fsAny = fs as unknown as Record<string, (...a: unknown[]) => unknown>;
  const originals = SYNC_FS.map((name) => [name, fsAny[name]] as const);
  for (const [name, orig] of originals) {
    fsAny[name] = function (this: unknown, ...a: unknown[]) {
      const t0 = performance.now();
      try {
        return orig.apply(this, a);
      } finally {
        const e = stats.get(name) ?? { calls: 0, ms: 0 };
        e.calls++;
        e.ms += performance.now() - t0;
        stats.set(name, e);
      }
    };
  }
  try {
    await fn();
  } finally {
    for (const [name, orig] of originals) fsAny[name] = orig;
  }
  return stats;
}

export async function breakdownCommon(
  lake: Lake,
  server: HttpLake,
  client: CloudTrailClient,
  finishedQueryId: string,
  scratch: string,
  fsQuery: { id: string; sql: string },
): Promise<CommonBreakdown> {
  const RUNS = 15;
  const fsStats = await withSyncFsTimers(async () => {
    for (let i = 0; i < RUNS; i++) await runApi(client, fsQuery.sql);
  });
  const syncFs = [...fsStats].map(([call, v]) => ({ call, calls: v.calls / RUNS, ms: v.ms / RUNS })).sort((a, b) => b.ms - a.ms);

  fs.mkdirSync(scratch, { recursive: true });
  const meta = JSON.stringify(lake.queries.get(finishedQueryId));
  const persist: number[] = [];
  for (let i = 0; i < 21; i++) persist.push(await timeIt(() => writeFileAtomic(path.join(scratch, 'meta.json'), meta)));

  const sig: number[] = [];
  const req = server.lastRequest.get('DescribeQuery');
  if (req) for (let i = 0; i < 51; i++) sig.push(await timeIt(() => verifySigV4(req, lake.credentials, lake.opts.region)));

  server.handlerMs.set('DescribeQuery', []);
  const rtt: number[] = [];
  for (let i = 0; i < 51; i++) rtt.push(await timeIt(() => client.send(new DescribeQueryCommand({ QueryId: finishedQueryId }))));
  return {
    persistMs: median(persist),
    sigv4Ms: median(sig),
    describeRttMs: median(rtt),
    describeHandlerMs: median(server.handlerMs.get('DescribeQuery') ?? []),
    syncFs,
    syncFsQuery: fsQuery.id,
  };
}
