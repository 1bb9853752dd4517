import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DuckDBConnection, DuckDBPreparedStatement } from '../engine/duckdb-api';
import { LakeError, queryNotFound } from '../errors';
import { readJson, writeFileAtomic } from '../../util/fs-atomic';
import { SqlValidationError } from '../sql/errors';
import type { Translation } from '../sql/translate';
import { runInBackground } from './background';
import { chunkRowCells } from './chunk-rows';
import { wireRowsSql } from './wire-rows';
import { ResultsWriter, readRowCells, readRowsJson, type RowsFormat } from './results-file';

export type QueryStatus = 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT';
const ACTIVE: QueryStatus[] = ['QUEUED', 'RUNNING'];

export interface QueryStatistics {
  eventsMatched: number;
  eventsScanned: number;
  bytesScanned: number;
  executionTimeInMillis: number;
}

/** A query as DescribeQuery and ListQueries report it; kept in `queries/<id>/meta.json`. */
export interface QueryRecord {
  queryId: string;
  queryString: string;
  status: QueryStatus;
  errorMessage?: string;
  creationTime: number; // epoch seconds
  storeIds: string[];
  statistics: QueryStatistics;
  columns: string[];
  resultsCount: number;
  index: number[];
  /** How results.ndjson holds rows; absent in records written before rows were kept in wire form. */
  rowsFormat?: RowsFormat;
  deliveryS3Uri?: string;
}

export interface PreparedQuery {
  translation: Translation;
  eventsScanned: number;
  bytesScanned: number;
}

/** A statement DuckDB has already parsed and bound, on the connection it will run on. */
export interface BoundStatement {
  con: DuckDBConnection;
  stmt: DuckDBPreparedStatement;
  /** Set when the statement returns each row in wire form as one value (see `wireRowsSql`): the result's column names. */
  wireColumns?: string[];
  /** Called once the statement will not run any more (the lake's lease on the files it reads). */
  onRelease?: () => void;
}

export interface QueryManagerOptions {
  dir: string;
  engineConnect: () => Promise<DuckDBConnection>;
  maxConcurrent: number;
  /** How many run on the engine at once; the others wait as QUEUED. */
  maxRunning: number;
  timeoutMs: number;
  retentionMs: number;
}

interface Active {
  record: QueryRecord;
  prepared: PreparedQuery;
  bound: BoundStatement;
  stop?: 'CANCELLED' | 'TIMED_OUT';
  timer?: NodeJS.Timeout;
  /** DescribeQuery calls waiting for the query to end. */
  waiters: (() => void)[];
  /** The first write of the record, done off the request path; the final write waits for it. */
  queuedWrite?: Promise<void>;
}

/** Runs queries asynchronously like the service: QUEUED → RUNNING → FINISHED/FAILED/CANCELLED/TIMED_OUT. */
export class QueryManager {
  private active = new Map<string, Active>();
  private waiting: Active[] = [];
  private running = 0;
  private cache = new Map<string, QueryRecord>();

  constructor(private opts: QueryManagerOptions) {
    fs.mkdirSync(opts.dir, { recursive: true });
    this.recoverInterrupted();
  }

  private idle: DuckDBConnection[] = [];

  /**
   * Has DuckDB parse and bind the translated SQL, so semantic errors are rejected synchronously too.
   * The bound statement is what later runs (binding twice costs as much as a small query).
   */
  async bind(sql: string, wireRows = false, onRelease?: () => void): Promise<BoundStatement> {
    const con = await this.borrow();
    let stmt: DuckDBPreparedStatement;
    try {
      stmt = await con.prepare(sql);
    } catch (e) {
      this.giveBack(con);
      throw new SqlValidationError(cleanEngineMessage((e as Error).message));
    }
    if (!wireRows) return { con, stmt, onRelease };
    const names = Array.from({ length: stmt.columnCount }, (_, i) => stmt.columnName(i));
    const wrapped = wireRowsSql(
      sql,
      names,
      Array.from({ length: stmt.columnCount }, (_, i) => stmt.columnType(i)),
    );
    if (!wrapped) return { con, stmt, onRelease };
    try {
      const wire = await con.prepare(wrapped);
      stmt.destroySync();
      return { con, stmt: wire, wireColumns: names, onRelease };
    } catch {
      return { con, stmt, onRelease }; // the plain statement runs as well, only slower
    }
  }

  /** Gives back a bound statement that will not run. */
  release(bound: BoundStatement, broken = false): void {
    bound.stmt.destroySync();
    this.giveBack(bound.con, broken);
    bound.onRelease?.();
  }

  /** Connections are reused: opening one per query costs more than the small queries themselves. */
  private async borrow(): Promise<DuckDBConnection> {
    return this.idle.pop() ?? this.opts.engineConnect();
  }

  private giveBack(con: DuckDBConnection, broken = false) {
    if (broken || this.idle.length >= 8) con.closeSync();
    else this.idle.push(con);
  }

  /** Throws MaxConcurrentQueriesException when no other query can be accepted now. */
  checkCapacity(): void {
    if (this.active.size >= this.opts.maxConcurrent) {
      throw new LakeError(
        'MaxConcurrentQueriesException',
        `You are already running the maximum number of concurrent queries (${this.opts.maxConcurrent}). Wait a minute for some queries to finish, and then run the query again.`,
      );
    }
  }

  /** Queues a bound statement; the manager owns `bound` from here on (also when this throws). */
  start(queryString: string, prepared: PreparedQuery, bound: BoundStatement, storeIds: string[], deliveryS3Uri?: string): QueryRecord {
    try {
      this.checkCapacity();
    } catch (e) {
      this.release(bound);
      throw e;
    }
    const record: QueryRecord = {
      queryId: randomUUID(),
      queryString,
      status: 'QUEUED',
      creationTime: Date.now() / 1000,
      storeIds,
      statistics: { eventsMatched: 0, eventsScanned: 0, bytesScanned: 0, executionTimeInMillis: 0 },
      columns: [],
      resultsCount: 0,
      index: [],
      rowsFormat: 'wire',
      deliveryS3Uri,
    };
    const a: Active = { record, prepared, bound, waiters: [] };
    a.queuedWrite = fs.promises
      .mkdir(this.queryDir(record.queryId), { recursive: true })
      .then(() => this.persist({ ...record }))
      .catch((e: unknown) => console.error(`[lake] could not record query ${record.queryId}`, e));
    this.active.set(record.queryId, a);
    this.waiting.push(a);
    this.pump();
    return record;
  }

  get(queryId: string): QueryRecord {
    const a = this.active.get(queryId);
    if (a) return a.record;
    let rec = this.cache.get(queryId);
    if (!rec && /^[0-9a-f-]{36}$/.test(queryId)) rec = readJson<QueryRecord>(path.join(this.queryDir(queryId), 'meta.json'));
    if (!rec || Date.now() - rec.creationTime * 1000 > this.opts.retentionMs) throw queryNotFound(queryId);
    this.cache.set(queryId, rec);
    return rec;
  }

  list(storeId: string): QueryRecord[] {
    const out: QueryRecord[] = [];
    for (const id of fs.readdirSync(this.opts.dir)) {
      try {
        const r = this.get(id);
        if (r.storeIds.includes(storeId)) out.push(r);
      } catch {
        /* expired or unreadable */
      }
    }
    return out.sort((a, b) => b.creationTime - a.creationTime);
  }

  cancel(queryId: string): QueryRecord {
    const rec = this.get(queryId);
    const a = this.active.get(queryId);
    if (!a || !ACTIVE.includes(rec.status)) {
      throw new LakeError('InactiveQueryException', `Query ${queryId} is already ${rec.status} and cannot be cancelled.`);
    }
    this.stop(a, 'CANCELLED');
    return rec;
  }

  /**
   * Resolves when the query has ended or after `maxWaitMs`, whichever comes first: DescribeQuery
   * waits a little on a running query, so a polling client hears of the end without a polling gap.
   */
  async waitForEnd(queryId: string, maxWaitMs: number): Promise<void> {
    const a = this.active.get(queryId);
    if (!a || maxWaitMs <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, maxWaitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      a.waiters.push(done);
    });
  }

  /** A page of a finished query's rows as one JSON array in GetQueryResults' wire form. */
  pageJson(queryId: string, start: number, count: number, nullCell?: string): { json: string; rows: number } {
    const rec = this.get(queryId);
    return readRowsJson(this.resultsFile(queryId), rec.index, start, count, rec.columns, rec.rowsFormat, nullCell);
  }

  /** Rows of a finished query as cell strings. */
  page(queryId: string, start: number, count: number): string[][] {
    const rec = this.get(queryId);
    return readRowCells(this.resultsFile(queryId), rec.index, start, count, rec.rowsFormat);
  }

  private resultsFile(queryId: string) {
    return path.join(this.queryDir(queryId), 'results.ndjson');
  }

  /** Removes results past their retention. */
  sweep(): void {
    for (const id of fs.readdirSync(this.opts.dir)) {
      const rec = readJson<QueryRecord>(path.join(this.queryDir(id), 'meta.json'));
      if (!this.active.has(id) && (!rec || Date.now() - rec.creationTime * 1000 > this.opts.retentionMs)) {
        fs.rmSync(this.queryDir(id), { recursive: true, force: true });
        this.cache.delete(id);
      }
    }
  }

  private stop(a: Active, why: 'CANCELLED' | 'TIMED_OUT') {
    a.stop = why;
    if (a.record.status === 'QUEUED') {
      this.waiting = this.waiting.filter((w) => w !== a);
      this.finish(a, why);
    } else {
      a.bound.con.interrupt();
    }
  }

  private pump() {
    while (this.running < this.opts.maxRunning && this.waiting.length) {
      const a = this.waiting.shift()!;
      this.running++;
      void this.execute(a).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async execute(a: Active): Promise<void> {
    const rec = a.record;
    const started = Date.now();
    rec.status = 'RUNNING';
    rec.statistics.eventsScanned = a.prepared.eventsScanned;
    rec.statistics.bytesScanned = a.prepared.bytesScanned;
    a.timer = setTimeout(() => this.stop(a, 'TIMED_OUT'), this.opts.timeoutMs);
    // The engine starts at once; the query's directory, made off the request path, is waited for
    // only before the first row is written.
    const streaming = runInBackground(a.bound.stmt);
    streaming.catch(() => undefined); // awaited below
    await a.queuedWrite;
    const writer = new ResultsWriter(this.resultsFile(rec.queryId));
    try {
      const result = await streaming;
      const wire = a.bound.wireColumns;
      rec.columns = wire ?? result.columnNames();
      writer.columns = rec.columns;
      const types = result.columnTypes();
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        if (wire) {
          const rows = chunk.getColumnVector(0);
          for (let r = 0; r < chunk.rowCount; r++) writer.appendLine(rows.getItem(r) as string);
        } else {
          for (const cells of chunkRowCells(chunk, types)) writer.append(cells);
        }
        rec.resultsCount = writer.rows;
        rec.statistics.executionTimeInMillis = Date.now() - started;
      }
      writer.close();
      rec.index = writer.index;
      rec.statistics.eventsMatched = await this.eventsMatched(a);
      this.finish(a, 'FINISHED', undefined, started);
    } catch (e) {
      writer.close();
      rec.index = writer.index;
      if (a.stop)
        this.finish(a, a.stop, a.stop === 'TIMED_OUT' ? `Query timed out after ${Math.round(this.opts.timeoutMs / 1000)} seconds.` : undefined, started);
      else this.finish(a, 'FAILED', cleanEngineMessage((e as Error).message), started);
    } finally {
      clearTimeout(a.timer);
    }
  }

  /**
   * CloudTrail's EventsMatched: the events that passed the query's filters, counted by a second,
   * filter-only statement (`Translation.matchedSql`) on the same connection. Where the query has
   * no such count (joins, correlated filters) or it fails, the result's row count stands in.
   */
  private async eventsMatched(a: Active): Promise<number> {
    const { matchedSql: sql, matchedAreScanned } = a.prepared.translation;
    if (matchedAreScanned) return a.prepared.eventsScanned;
    if (!sql) return a.record.resultsCount;
    try {
      const r = await a.bound.con.runAndReadAll(sql);
      return Number(r.getRows()[0]?.[0] ?? a.record.resultsCount);
    } catch {
      return a.record.resultsCount;
    }
  }

  private finish(a: Active, status: QueryStatus, errorMessage?: string, started?: number) {
    const rec = a.record;
    rec.status = status;
    if (errorMessage) rec.errorMessage = errorMessage;
    rec.resultsCount = rec.index.length ? rec.resultsCount : 0;
    if (started) rec.statistics.executionTimeInMillis = Date.now() - started;
    // an interrupted connection is not reused
    this.release(a.bound, !!a.stop);
    this.active.delete(rec.queryId);
    this.cache.set(rec.queryId, rec);
    for (const wake of a.waiters) wake();
    const final = { ...rec };
    void (a.queuedWrite ?? Promise.resolve())
      .then(() => this.persist(final))
      .catch((e: unknown) => console.error(`[lake] could not record query ${final.queryId}`, e));
  }

  /** Query records need not survive a crash (a restart marks running ones FAILED), so no fsync here. */
  private persist(rec: QueryRecord) {
    writeFileAtomic(path.join(this.queryDir(rec.queryId), 'meta.json'), JSON.stringify(rec), { durable: false });
  }

  /** Queries that were running when the process stopped can never finish: mark them FAILED. */
  private recoverInterrupted() {
    for (const id of fs.readdirSync(this.opts.dir)) {
      const rec = readJson<QueryRecord>(path.join(this.queryDir(id), 'meta.json'));
      if (rec && ACTIVE.includes(rec.status)) {
        rec.status = 'FAILED';
        rec.errorMessage = 'The lake restarted while this query was running.';
        this.persist(rec);
      }
    }
  }

  private queryDir(id: string) {
    return path.join(this.opts.dir, id);
  }
}

/** DuckDB's message without its "Binder Error:" prefix, hints and caret lines. */
export function cleanEngineMessage(message: string): string {
  const first = message
    .split('\n')[0]
    .replace(/^[A-Za-z ]*Error: /, '')
    .trim();
  // A misspelt column that is also its own output name (`SELECT eventNam ... GROUP BY eventNam`) is
  // reported by DuckDB as a misused alias; Trino, which never resolves GROUP BY through aliases, says the column cannot be resolved.
  const col =
    /Referenced column "([^"]+)" not found|Column "([^"]+)" referenced that exists in the SELECT clause|Alias with name "([^"]+)" exists, but aliases cannot be used/.exec(
      first,
    );
  if (col) return `Column '${col[1] ?? col[2] ?? col[3]}' cannot be resolved`;
  const qualified = /Table "([^"]+)" does not have a column named "([^"]+)"/.exec(first);
  if (qualified) return `Column '${qualified[1]}.${qualified[2]}' cannot be resolved`;
  // Trino: `integer addition overflow: 2147483647 + 1`.
  const overflow = /^Overflow in (addition|subtraction|multiplication) of (INT32|INT64|INT16|INT8) \((.*)\)!?$/.exec(first);
  if (overflow)
    return `${overflow[2] === 'INT64' ? 'bigint' : overflow[2] === 'INT32' ? 'integer' : overflow[2] === 'INT16' ? 'smallint' : 'tinyint'} ${overflow[1]} overflow: ${overflow[3]}`;
  const cast = /^Could not convert string '(.*)' to (\w+)$/.exec(first);
  if (cast)
    return `Cannot cast '${cast[1]}' to ${({ INT32: 'INT', INT64: 'BIGINT', INT16: 'SMALLINT', INT8: 'TINYINT' } as Record<string, string>)[cast[2]] ?? cast[2]}`;
  return first || 'Query failed';
}
