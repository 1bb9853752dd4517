import { CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand, StartQueryCommand, type DescribeQueryCommandOutput } from '@aws-sdk/client-cloudtrail';
import type { DuckDBConnection } from '../lib/lake/engine/duckdb-api';
import type { Lake } from '../lib/lake/lake';

/** One query through the CloudTrail API: StartQuery → DescribeQuery until done → every results page. */
export interface ApiRun {
  totalMs: number;
  /** StartQuery round trip. */
  startMs: number;
  /** From StartQuery's answer to the DescribeQuery that saw FINISHED. */
  waitMs: number;
  /** Every GetQueryResults page. */
  fetchMs: number;
  polls: number;
  pages: number;
  rows: number;
  queryId: string;
  /** The lake's own ExecutionTimeInMillis (whole milliseconds). */
  executionMs: number;
  bytesScanned: number;
  eventsScanned: number;
  /** Process CPU time (user + system, every thread: DuckDB's, the client's, the server's) during the run. */
  cpuMs: number;
}

// The SDK warns on every client that versions after January 2027 need Node 22; the bench runs on the project's Node.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const POLL_MS = 5;
export const PAGE_SIZE = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function apiClient(lake: Lake, endpoint: string): CloudTrailClient {
  return new CloudTrailClient({
    region: lake.opts.region,
    endpoint,
    credentials: { accessKeyId: lake.credentials.accessKeyId, secretAccessKey: lake.credentials.secretAccessKey },
  });
}

const cpuSince = (u: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(u);
  return (d.user + d.system) / 1000;
};

/** Polls DescribeQuery until the query ends; throws unless it FINISHED. */
export async function waitFinished(client: CloudTrailClient, queryId: string): Promise<{ description: DescribeQueryCommandOutput; polls: number }> {
  let d: DescribeQueryCommandOutput;
  let polls = 0;
  for (;;) {
    d = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
    polls++;
    if (d.QueryStatus !== 'QUEUED' && d.QueryStatus !== 'RUNNING') break;
    await sleep(POLL_MS);
  }
  if (d.QueryStatus !== 'FINISHED') throw new Error(`query ${queryId} ended ${d.QueryStatus}: ${d.ErrorMessage ?? ''}`);
  return { description: d, polls };
}

export async function runApi(client: CloudTrailClient, sql: string): Promise<ApiRun> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { QueryId } = await client.send(new StartQueryCommand({ QueryStatement: sql }));
  const t1 = performance.now();
  const { description: d, polls } = await waitFinished(client, QueryId!);
  const t2 = performance.now();
  let token: string | undefined;
  let rows = 0;
  let pages = 0;
  do {
    const r = await client.send(new GetQueryResultsCommand({ QueryId, NextToken: token, MaxQueryResults: PAGE_SIZE }));
    rows += r.QueryResultRows?.length ?? 0;
    pages++;
    token = r.NextToken;
  } while (token);
  const t3 = performance.now();
  const cpuMs = cpuSince(cpu0);
  const s = d.QueryStatistics ?? {};
  return {
    totalMs: t3 - t0,
    startMs: t1 - t0,
    waitMs: t2 - t1,
    fetchMs: t3 - t2,
    polls,
    pages,
    rows,
    queryId: QueryId!,
    executionMs: s.ExecutionTimeInMillis ?? NaN,
    bytesScanned: s.BytesScanned ?? NaN,
    eventsScanned: s.EventsScanned ?? NaN,
    cpuMs,
  };
}

/**
 * The baseline: the translated SQL straight on DuckDB, every chunk fetched, on one connection kept
 * for the whole query's runs (DuckDB runs a statement on a warm connection much faster than on a
 * new one, and the lake reuses its connections too, so a fresh one each time would flatter the API).
 */
export async function runBaseline(con: DuckDBConnection, duckSql: string): Promise<{ ms: number; rows: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  const result = await con.stream(duckSql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    rows += chunk.rowCount;
  }
  const ms = performance.now() - t0;
  return { ms, rows, cpuMs: cpuSince(cpu0) };
}

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

/** Nearest-rank quantile (p90 of 15 samples is the 14th smallest). */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  if (q === 0.5 && s.length % 2 === 0) return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
