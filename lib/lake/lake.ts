import fs from 'node:fs';
import path from 'node:path';
import { createEngine, sqlString, type Engine } from './engine/duckdb';
import { commitSpooled, discardSpooled, EventSpooler, recoverInterruptedWrite, type SpooledEvents, type WriteResult } from './ingest/write-events';
import { ImportManager } from './imports/import-manager';
import { SourceFollower } from './imports/follow';
import { ImportRoots } from './imports/import-roots';
import { DEFAULT_SOURCE_LIMITS, LogSources, type SourceLimits } from './imports/sources';
import { bytesFor, filesInWindow, readManifest, writeManifest, type Manifest } from './storage/manifest';
import { purgeDeleted } from './stores/lifecycle';
import { KeyedMutex } from './storage/fs-atomic';
import { StoreRegistry, type StoreRecord } from './storage/stores';
import { QueryManager, type BoundStatement, type PreparedQuery, type QueryRecord } from './query/manager';

/** A statement validated, translated and priced, ready to run. */
export interface PreparedStatement extends PreparedQuery { storeIds: string[] }
import { translate, type Translation } from './sql/translate';
import { columnTypes, TABLE_SHAPES, type TableShape } from './schema';
import { loadCredentials, type LakeCredentials } from './credentials';
import { LakeError, storeNotFound } from './errors';
import { SqlValidationError } from './sql/errors';
import type { TimeBounds } from './sql/time-bounds';
import { locateColumn } from './sql/locate';
import { DEFAULT_MAX_RUNNING_QUERIES } from '../worker-pool.mjs';

export interface LakeOptions {
  dataDir: string;
  region: string;
  accountId: string;
  credentials?: { accessKeyId?: string; secretAccessKey?: string };
  maxConcurrentQueries?: number;
  /** Queries on the engine at once; the others wait QUEUED (default: lib/worker-pool.mjs's). */
  maxRunningQueries?: number;
  queryTimeoutMs?: number;
  threads?: number;
  memoryLimit?: string;
  /** The query engine's own memory limit (running queries share it); `memoryLimit` when unset. */
  queryMemoryLimit?: string;
  /** Events per committed import batch (default 50,000). */
  importBatchEvents?: number;
  /** How often followed sources are checked for new log files (default 30 s). */
  followIntervalMs?: number;
  /** Directories `file://` imports may read (TRAILBENCH_IMPORT_ROOTS); none by default. See `ImportRoots`. */
  importRoots?: string[];
  /** A CLI that opens the lake on its own host: the one path its user asked to import, readable besides the roots. */
  hostImportPath?: string;
  /** Per log file, inflated (default 256 MiB), and entries a listing may visit (default 2,000,000). */
  importLimits?: Partial<SourceLimits>;
}

const RESULT_RETENTION_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

/** The built-in lake: stores of Parquet files, a sandboxed DuckDB, and asynchronous queries. */
export class Lake {
  readonly stores: StoreRegistry;
  readonly queries: QueryManager;
  readonly credentials: LakeCredentials;
  readonly imports: ImportManager;
  readonly follower: SourceFollower;
  private manifests = new Map<string, Manifest>();
  private writes = new KeyedMutex();
  private sweepTimer?: NodeJS.Timeout;

  private constructor(
    readonly opts: LakeOptions,
    readonly dir: string,
    readonly engine: Engine,
    /** Where imports and followed sources may read, and how much. */
    readonly sources: LogSources,
  ) {
    this.stores = new StoreRegistry(path.join(dir, 'stores'), opts.region, opts.accountId);
    this.credentials = loadCredentials(dir, opts.credentials);
    this.queries = new QueryManager({
      dir: path.join(dir, 'queries'),
      engineConnect: () => engine.connect(),
      maxConcurrent: opts.maxConcurrentQueries ?? 10,
      maxRunning: opts.maxRunningQueries ?? DEFAULT_MAX_RUNNING_QUERIES,
      timeoutMs: opts.queryTimeoutMs ?? 3_600_000,
      retentionMs: RESULT_RETENTION_MS,
    });
    const ingestHost = {
      store: (id: string) => this.stores.get(id),
      spooler: (id: string) => this.spooler(id),
      commit: (id: string, spooled: SpooledEvents) => this.commitEvents(id, spooled),
    };
    this.imports = new ImportManager(path.join(dir, 'imports'), ingestHost, sources, opts.importBatchEvents);
    this.follower = new SourceFollower(this.stores, ingestHost, sources, opts.followIntervalMs);
  }

  static async open(opts: LakeOptions): Promise<Lake> {
    const dir = path.join(path.resolve(opts.dataDir), 'lake');
    fs.mkdirSync(dir, { recursive: true });
    // a root the rules refuse fails the start, before the engine opens
    const sources = new LogSources(new ImportRoots(opts.importRoots ?? [], opts.dataDir, opts.hostImportPath), { ...DEFAULT_SOURCE_LIMITS, ...opts.importLimits });
    const engine = await createEngine({ lakeDir: dir, threads: opts.threads, memoryLimit: opts.memoryLimit, queryMemoryLimit: opts.queryMemoryLimit });
    const lake = new Lake(opts, fs.realpathSync(dir), engine, sources);
    await lake.createEmptyTables();
    for (const s of lake.stores.list()) recoverInterruptedWrite(lake.stores.dir(s.id));
    fs.rmSync(path.join(dir, 'tmp'), { recursive: true, force: true }); // spools of writes a crash interrupted
    await lake.housekeeping();
    lake.imports.resumeInterrupted();
    lake.follower.start();
    lake.sweepTimer = setInterval(() => void lake.housekeeping().catch((e) => console.error('[lake] housekeeping failed', e)), 3_600_000);
    lake.sweepTimer.unref();
    return lake;
  }

  /** On start and hourly: expired query results, stores past their deletion window, events past retention. */
  async housekeeping(): Promise<void> {
    this.queries.sweep();
    for (const id of purgeDeleted(this.stores)) this.manifests.delete(id);
    for (const s of this.stores.list()) if (s.status !== 'PENDING_DELETION') await this.applyRetention(s.id);
  }

  /** Drops whole files whose newest event is older than the store's retention period. */
  async applyRetention(storeId: string, now = Date.now()): Promise<number> {
    return this.writes.run(storeId, async () => {
      const store = this.stores.get(storeId);
      if (!store) return 0;
      const cutoff = now - store.retentionPeriod * DAY_MS;
      const dir = this.stores.dir(store.id);
      const m = readManifest(dir);
      const expired = m.files.filter((f) => f.maxTime < cutoff);
      if (!expired.length) return 0;
      writeManifest(dir, { version: 1, files: m.files.filter((f) => f.maxTime >= cutoff) });
      this.manifests.delete(store.id);
      for (const f of expired) fs.rmSync(path.join(dir, f.file), { force: true });
      return expired.length;
    });
  }

  /** The follow state of a store as the API reports it. */
  followStatus(storeId: string) {
    const store = this.stores.get(storeId)!;
    const st = this.follower.state(storeId);
    return {
      EventDataStoreArn: store.arn,
      SourceUri: store.ingestionSource?.uri ?? null,
      FilesIngested: st.files.length,
      EventsIngested: st.eventsIngested,
      LastCheckTime: st.lastCheckAt,
      LastIngestTime: st.lastIngestAt,
      LastError: st.lastError,
      RecentFailures: st.failures.slice(-10),
    };
  }

  hasOngoingImport(storeId: string): boolean {
    return this.imports.hasOngoing(storeId);
  }

  close(): void {
    clearInterval(this.sweepTimer);
    this.follower.stop();
    this.engine.internal.closeSync();
  }

  /** A typed empty relation per table shape, for stores (or windows) with no files. */
  private async createEmptyTables() {
    for (const shape of TABLE_SHAPES) {
      const cols = Object.entries(columnTypes(shape)).map(([k, v]) => `"${k}" ${v}`).join(', ');
      await this.engine.internal.run(`CREATE TABLE tb_empty_${shape} (${cols})`);
    }
  }

  manifest(storeId: string): Manifest {
    let m = this.manifests.get(storeId);
    if (!m) this.manifests.set(storeId, (m = readManifest(this.stores.dir(storeId))));
    return m;
  }

  async appendEvents(storeId: string, records: Iterable<unknown>): Promise<WriteResult> {
    return this.commitEvents(storeId, await this.spooler(storeId).fillWith((s) => s.add(records)));
  }

  /** A spooler for `commitEvents`; spooling needs no lock, so it can overlap another batch's commit. */
  spooler(storeId: string): EventSpooler {
    return new EventSpooler(path.join(this.dir, 'tmp'), this.requireStore(storeId).shape);
  }

  private requireStore(storeId: string): StoreRecord {
    const store = this.stores.get(storeId);
    if (!store) throw storeNotFound(storeId);
    return store;
  }

  async commitEvents(storeId: string, spooled: SpooledEvents): Promise<WriteResult> {
    const store = this.stores.get(storeId);
    if (!store) {
      discardSpooled(spooled);
      throw storeNotFound(storeId);
    }
    return this.writes.run(store.id, async () => {
      const result = await commitSpooled(this.engine, { storeDir: this.stores.dir(store.id), shape: store.shape }, spooled);
      this.manifests.delete(store.id);
      return result;
    });
  }

  /** What a query would scan, from the manifests alone: nothing is run. */
  estimate(sql: string): { bytesScanned: number; eventsScanned: number; filesScanned: number } {
    try {
      const t = this.translateStatement(sql);
      return this.scanStatistics(t);
    } catch (e) {
      if (SqlValidationError.is(e)) throw new LakeError('InvalidQueryStatementException', e.message);
      throw e;
    }
  }

  private translateStatement(sql: string): Translation {
    return translate(sql, {
      now: new Date(),
      resolveStore: (name) => {
        const s = this.queryableStore(name);
        return s && { id: s.id, shape: s.shape };
      },
      scan: (store, bounds) => this.scanSql(store, bounds),
    });
  }

  private scanStatistics(translation: Translation) {
    let eventsScanned = 0;
    let bytesScanned = 0;
    let filesScanned = 0;
    for (const s of translation.scans) {
      const files = filesInWindow(this.manifest(s.storeId), s.bounds);
      filesScanned += files.length;
      eventsScanned += files.reduce((n, f) => n + f.rows, 0);
      bytesScanned += bytesFor(files, translation.columns);
    }
    return { bytesScanned, eventsScanned, filesScanned };
  }

  /** Validates and translates a statement; throws InvalidQueryStatementException with a position. */
  async prepare(sql: string): Promise<PreparedStatement> {
    const p = await this.bindStatement(sql, false);
    this.queries.release(p.bound);
    return p;
  }

  async startQuery(sql: string, deliveryS3Uri?: string): Promise<QueryRecord> {
    this.queries.checkCapacity(); // before the work of binding
    const p = await this.bindStatement(sql, true);
    return this.queries.start(sql, p, p.bound, p.storeIds, deliveryS3Uri);
  }

  /** prepare(), keeping DuckDB's bound statement (and its connection) for the run. */
  private async bindStatement(sql: string, toRun: boolean): Promise<PreparedStatement & { bound: BoundStatement }> {
    try {
      const translation = this.translateStatement(sql);
      const { eventsScanned, bytesScanned } = this.scanStatistics(translation);
      const bound = await this.queries.bind(translation.sql, toRun && translation.manyRows).catch((e) => {
        const col = SqlValidationError.is(e) && e.line === undefined ? /^Column '([^']+)' cannot be resolved/.exec(e.reason) : null;
        const at = col ? locateColumn(sql, col[1]) : undefined;
        throw at ? new SqlValidationError(e.reason, at.line, at.column) : e;
      });
      return { translation, eventsScanned, bytesScanned, storeIds: [...new Set(translation.scans.map((s) => s.storeId))], bound };
    } catch (e) {
      if (SqlValidationError.is(e)) throw new LakeError('InvalidQueryStatementException', e.message);
      throw e;
    }
  }

  private queryableStore(name: string): StoreRecord | undefined {
    const s = this.stores.get(name);
    return s && s.status !== 'PENDING_DELETION' ? s : undefined;
  }

  private scanSql(store: { id: string; shape: TableShape }, bounds: TimeBounds): string {
    const files = filesInWindow(this.manifest(store.id), bounds);
    if (!files.length) return `(SELECT * FROM tb_empty_${store.shape})`;
    const dir = this.stores.dir(store.id);
    return `read_parquet([${files.map((f) => sqlString(path.join(dir, f.file))).join(', ')}])`;
  }

}
