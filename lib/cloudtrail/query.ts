import { CancelQueryCommand, DescribeQueryCommand, GetQueryResultsCommand, StartQueryCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { env } from '../env';
import { fillStorePlaceholders } from '../util/sql-text/code-spans';
import { cellValue } from '../lake/api/null-cells';
import { usdForBytes } from '../util/cost';

/**
 * A query's life through the CloudTrail API, the same on every lake (built-in, AWS, any
 * compatible endpoint): start, describe, wait for the end (deadline, abort), pages of rows,
 * rows as records, cost. Every server feature that runs a query goes through here.
 */
export type QueryStatus = 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT';

export interface QueryDescription {
  queryId: string;
  status: QueryStatus;
  errorMessage?: string;
  queryString?: string;
  statistics: { eventsMatched: number; eventsScanned: number; bytesScanned: number; executionTimeInMillis: number };
  costUsd: number;
}

/** One page of GetQueryResults; a cell is null where the lake marks a NULL (see null-cells.ts). */
export interface ResultsPage {
  status?: string;
  columns: string[];
  rows: (string | null)[][];
  nextToken?: string;
  totalResultsCount: number;
}

const PAGE_MAX = 1000;

/** The cost of a scan at the configured price (TRAILBENCH_PRICE_PER_GB). */
export const costOf = (bytes: number, pricePerGb = env().TRAILBENCH_PRICE_PER_GB) => usdForBytes(bytes, pricePerGb);

export const isActive = (status: string | undefined) => status === 'QUEUED' || status === 'RUNNING';

/** Starts `sql` ($EDS_ID placeholders filled with `storeIds`); returns the lake's query ID. */
export async function startQuery(client: CloudTrailClient, sql: string, storeIds: string[] = []): Promise<string> {
  const out = await client.send(new StartQueryCommand({ QueryStatement: fillStorePlaceholders(sql, storeIds) }));
  return out.QueryId!;
}

export async function describeQuery(client: CloudTrailClient, queryId: string): Promise<QueryDescription> {
  const d = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
  const s = d.QueryStatistics ?? {};
  return {
    queryId,
    status: d.QueryStatus as QueryStatus,
    errorMessage: d.ErrorMessage,
    queryString: d.QueryString,
    statistics: {
      eventsMatched: s.EventsMatched ?? 0,
      eventsScanned: s.EventsScanned ?? 0,
      bytesScanned: s.BytesScanned ?? 0,
      executionTimeInMillis: s.ExecutionTimeInMillis ?? 0,
    },
    costUsd: costOf(s.BytesScanned ?? 0),
  };
}

export async function cancelQuery(client: CloudTrailClient, queryId: string) {
  const r = await client.send(new CancelQueryCommand({ QueryId: queryId }));
  return { queryId: r.QueryId!, status: r.QueryStatus! };
}

export interface WaitOptions {
  /** Epoch ms after which waiting stops and the last description (still active) is returned. */
  deadline?: number;
  /** Aborting stops the wait with the signal's reason (the query itself keeps running). */
  signal?: AbortSignal;
  /** First pause between DescribeQuery calls; it doubles up to `maxDelayMs`. */
  delayMs?: number;
  maxDelayMs?: number;
  /** Sees each description of the active query; returning `false` stops the wait there. */
  onPoll?: (d: QueryDescription) => boolean | void | Promise<boolean | void>;
}

/**
 * DescribeQuery until the query ends, the deadline passes, the signal aborts or `onPoll` says
 * stop. The built-in lake answers a DescribeQuery of a running query at its end (or after 100 ms),
 * so short pauses cost no extra calls there.
 */
export async function waitForEnd(client: CloudTrailClient, queryId: string, opts: WaitOptions = {}): Promise<QueryDescription> {
  const { deadline = Infinity, signal, maxDelayMs = 2000 } = opts;
  let delay = opts.delayMs ?? 100;
  for (;;) {
    signal?.throwIfAborted();
    const d = await describeQuery(client, queryId);
    if (!isActive(d.status) || Date.now() >= deadline) return d;
    if ((await opts.onPoll?.(d)) === false) return d;
    await pause(Math.min(delay, Math.max(0, deadline - Date.now())), signal);
    delay = Math.min(delay * 2, maxDelayMs);
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

export async function resultsPage(client: CloudTrailClient, queryId: string, maxResults: number, nextToken?: string): Promise<ResultsPage> {
  const r = await client.send(new GetQueryResultsCommand({ QueryId: queryId, MaxQueryResults: maxResults, NextToken: nextToken }));
  const rows = r.QueryResultRows ?? [];
  // each cell on the wire is a one-entry map {column: value}
  const columns = rows.length ? rows[0].map((cell) => Object.keys(cell)[0]) : [];
  return {
    status: r.QueryStatus,
    columns,
    rows: rows.map((row) => row.map((cell) => cellValue(Object.values(cell)[0]))),
    nextToken: r.NextToken,
    totalResultsCount: r.QueryStatistics?.TotalResultsCount ?? rows.length,
  };
}

/** Pages of a finished query's results from `nextToken` on, until the last or `maxRows` read. */
export async function* resultPages(
  client: CloudTrailClient,
  queryId: string,
  opts: { nextToken?: string; pageSize?: number; maxRows?: number } = {},
): AsyncGenerator<ResultsPage> {
  let token = opts.nextToken;
  let read = 0;
  do {
    const page = await resultsPage(client, queryId, opts.pageSize ?? PAGE_MAX, token);
    read += page.rows.length;
    yield page;
    token = page.nextToken;
  } while (token && read < (opts.maxRows ?? Infinity));
}

/**
 * A finished query's rows as records, up to `maxRows` (whole pages: a little more may come),
 * with the result's columns and total row count.
 */
export async function collectRows<N extends string | null = null>(client: CloudTrailClient, queryId: string, opts: { maxRows?: number; nullAs?: N } = {}) {
  const rows: Record<string, string | N>[] = [];
  let columns: string[] = [];
  let total = 0;
  for await (const page of resultPages(client, queryId, { maxRows: opts.maxRows })) {
    if (page.columns.length) columns = page.columns;
    total = page.totalResultsCount;
    rows.push(...asRecords(page.columns, page.rows, (opts.nullAs ?? null) as N));
  }
  return { columns, rows, total };
}

/** Rows keyed by column name; a NULL cell becomes `nullAs`. */
export function asRecords<N extends string | null = null>(columns: string[], rows: (string | null)[][], nullAs: N = null as N): Record<string, string | N>[] {
  return rows.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? nullAs])));
}
