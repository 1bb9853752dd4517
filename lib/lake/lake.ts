import fs from 'node:fs';
import path from 'node:path';
import { createEngine, sqlString, type Engine } from './engine/duckdb';
import { commitSpooled, discardSpooled, EventSpooler, recoverInterruptedWrite, type SpooledEvents, type WriteResult } from './ingest/write-events';
import { recordsOnly } from './ingest/record-batch';
import { ImportManager } from './imports/import-manager';
import { SourceFollower } from './imports/follow';
import { ImportRoots } from './imports/import-roots';
import { DEFAULT_SOURCE_LIMITS, LogSources, type SourceLimits } from './imports/sources';
import { bytesFor, filesInWindow, manifestBytes, type Manifest } from './storage/manifest';
import { StoreFiles } from './storage/store-files';
import { Compactor, recoverCompaction } from './ingest/compact';
import { purgeDeleted } from './stores/lifecycle';
import { KeyedMutex } from '../util/fs-atomic';
import { StoreRegistry, type StoreRecord } from './storage/store-registry';
import { QueryManager, type BoundStatement, type PreparedQuery, type QueryRecord } from './query/manager';
import { DAY_MS } from '../util/time';
import { translate, type Translation } from './sql/translate';
import { columnTypes, TABLE_SHAPES, type TableShape } from './schema';
import { loadCredentials, type LakeCredentials } from './credentials';
import { LakeError, storeNotFound } from './errors';
import { SqlValidationError } from './sql/errors';
import type { TimeBounds } from './sql/time-bounds';
import { locateColumn } from './sql/locate';
import { DEFAULT_MAX_RUNNING_QUERIES } from '../util/worker-pool.mjs';

/** A statement validated, translated and priced, ready to run. */
export interface PreparedStatement extends PreparedQuery {
  storeIds: string[];
}

export interface LakeOptions {
  dataDir: string;
  region: string;
  accountId: string;
  credentials?: { accessKeyId?: string; secretAccessKey?: string };
  maxConcurrentQueries?: number;
  /** Queries on the engine at once; the others wait QUEUED (default: lib/util/worker-pool.mjs's). */
  maxRunningQueries?: number;
  queryTimeoutMs?: number;
  threads?: number;
  memoryLimit?: string;
  /** The query engine's own memory limit (running queries share it); `memoryLimit` when unset. */
  queryMemoryLimit?: string;
  /** Events per committed import batch (default 50,000). */
  importBatchEvents?: number;
  /** How often followed sources are checked for new log files (default 30 s; TRAILBENCH_FOLLOW_INTERVAL_SECONDS). */
  followIntervalMs?: number;
  /** Event data stores the lake may hold (default 10, CloudTrail Lake's quota; TRAILBENCH_MAX_EVENT_DATA_STORES). */
  maxEventDataStores?: number;
  /** Merge small files in the background after commits (default true); `trailbench compact` runs it on demand either way. */
  backgroundCompaction?: boolean;
  /** Directories `file://` imports may read (TRAILBENCH_IMPORT_ROOTS); none by default. See `ImportRoots`. */
  importRoots?: string[];
  /** A CLI that opens the lake on its own host: the one path its user asked to import, readable besides the roots. */
  hostImportPath?: string;
  /** Per log file, inflated (default 256 MiB), and entries a listing may visit (default 2,000,000). */
  importLimits?: Partial<SourceLimits>;
}

const RESULT_RETENTION_MS = 7 * 86_400_000;

/** The built-in lake: stores of Parquet files, a sandboxed DuckDB, and asynchronous queries. */
export class Lake {
  readonly stores: StoreRegistry;
  readonly queries: QueryManager;
  readonly credentials: LakeCredentials;
  readonly imports: ImportManager;
  readonly follower: SourceFollower;
  readonly files: StoreFiles;
  readonly compactor: Compactor;
  private writes = new KeyedMutex();
  private sweepTimer?: NodeJS.Timeout;

  private constructor(
    readonly opts: LakeOptions,
    readonly dir: string,
    readonly engine: Engine,
    /** Where imports and followed sources may read, and how much. */
    readonly sources: LogSources,
  ) {
    this.stores = new StoreRegistry(path.join(dir, 'stores'), opts.region, opts.accountId, opts.maxEventDataStores);
    this.files = new StoreFiles((id) => this.stores.dir(id));
    this.compactor = new Compactor({
      engine,
      files: this.files,
      writes: this.writes,
      dirOf: (id) => this.stores.dir(id),
      exists: (id) => !!this.stores.get(id),
    });
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
    const sources = new LogSources(new ImportRoots(opts.importRoots ?? [], opts.dataDir, opts.hostImportPath), {
      ...DEFAULT_SOURCE_LIMITS,
      ...opts.importLimits,
    });
    const engine = await createEngine({ lakeDir: dir, threads: opts.threads, memoryLimit: opts.memoryLimit, queryMemoryLimit: opts.queryMemoryLimit });
    const lake = new Lake(opts, fs.realpathSync(dir), engine, sources);
    await lake.createEmptyTables();
    for (const s of lake.stores.list()) {
      const storeDir = lake.stores.dir(s.id);
      lake.files.recover(s.id); // migrates an old manifest first: the steps below read day manifests
      recoverInterruptedWrite(storeDir);
      recoverCompaction(storeDir);
    }
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
    for (const id of purgeDeleted(this.stores)) this.files.forget(id);
    for (const s of this.stores.list()) {
      if (s.status === 'PENDING_DELETION') continue;
      await this.applyRetention(s.id);
      if (this.opts.backgroundCompaction !== false) this.compactor.schedule(s.id);
    }
  }

  /**
   * Drops whole UTC days that ended before the store's retention period began, as compaction
   * works on whole days too: a day is kept or dropped with all its files. Files a running
   * query reads are deleted when it ends.
   */
  async applyRetention(storeId: string, now = Date.now()): Promise<number> {
    return this.writes.run(storeId, async () => {
      const store = this.stores.get(storeId);
      if (!store) return 0;
      const cutoff = now - store.retentionPeriod * DAY_MS;
      let dropped = 0;
      for (const [day, files] of [...this.files.days(store.id)]) {
        if (Date.parse(`${day}T00:00:00Z`) + DAY_MS > cutoff) continue;
        this.files.replaceDay(store.id, day, []);
        dropped += files.length;
      }
      return dropped;
    });
  }

  /** Runs compaction on demand (`trailbench compact`): every day, the newest too, merged as far as it goes. */
  compact(storeId: string) {
    return this.compactor.compact(this.requireStore(storeId).id, { full: true });
  }

  /** Files, bytes and compaction of a store, as the store API and `trailbench stores` show them. */
  storageStatus(storeId: string) {
    const store = this.requireStore(storeId);
    const days = this.files.days(store.id);
    const files = this.manifest(store.id).files;
    const compaction = this.compactor.record(store.id);
    const perDay = new Map<string, number>();
    for (const f of files) perDay.set(f.day, (perDay.get(f.day) ?? 0) + f.rows);
    return {
      Files: files.length,
      Bytes: files.reduce((n, f) => n + f.bytes, 0),
      Events: files.reduce((n, f) => n + f.rows, 0),
      Days: days.size,
      MaxFilesPerDay: Math.max(0, ...[...days.values()].map((d) => d.length)),
      ManifestBytes: manifestBytes(this.stores.dir(store.id)),
      FilesAwaitingDeletion: this.files.retiredCount(store.id),
      LastCompactionTime: compaction.lastAt,
      LastCompactionFilesMerged: compaction.lastMerged,
      LastCompactionError: compaction.lastError,
      OldestEventTime: files.length ? Math.min(...files.map((f) => f.minTime)) / 1000 : null,
      NewestEventTime: files.length ? Math.max(...files.map((f) => f.maxTime)) / 1000 : null,
      EventsPerDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([Day, Events]) => ({ Day, Events })),
    };
  }

  /**
   * The follow state of a store as the API reports it. `LagSeconds`: how long ago the last check
   * began that ingested all it listed — no file that landed before then is still waiting.
   */
  followStatus(storeId: string, now = Date.now()) {
    const store = this.stores.get(storeId)!;
    const st = this.follower.state(storeId);
    const following = !!store.ingestionSource;
    return {
      EventDataStoreArn: store.arn,
      SourceUri: store.ingestionSource?.uri ?? null,
      IntervalSeconds: this.follower.intervalMs / 1000,
      FilesIngested: this.follower.ingestedFiles(storeId).size,
      EventsIngested: st.eventsIngested,
      LastCheckTime: st.lastCheckAt,
      LastIngestTime: st.lastIngestAt,
      CaughtUpTime: st.caughtUpAt,
      LagSeconds: following && st.caughtUpAt !== undefined ? Math.max(0, Math.round(now / 1000 - st.caughtUpAt)) : undefined,
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
    this.compactor.stop();
    this.engine.internal.closeSync();
  }

  /** A typed empty relation per table shape, for stores (or windows) with no files. */
  private async createEmptyTables() {
    for (const shape of TABLE_SHAPES) {
      const cols = Object.entries(columnTypes(shape))
        .map(([k, v]) => `"${k}" ${v}`)
        .join(', ');
      await this.engine.internal.run(`CREATE TABLE tb_empty_${shape} (${cols})`);
    }
  }

  manifest(storeId: string): Manifest {
    return this.files.manifest(storeId);
  }

  async appendEvents(storeId: string, records: Iterable<unknown>): Promise<WriteResult> {
    return this.commitEvents(storeId, await this.spooler(storeId).fillWith((s) => s.add(recordsOnly([...records]))));
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
    const result = await this.writes.run(store.id, () =>
      commitSpooled(this.engine, { storeId: store.id, storeDir: this.stores.dir(store.id), shape: store.shape, files: this.files }, spooled),
    );
    if (result.files.length && this.opts.backgroundCompaction !== false) this.compactor.schedule(store.id);
    return result;
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

  /** `reads` collects the files the statement will read. */
  private translateStatement(sql: string, reads: string[] = []): Translation {
    return translate(sql, {
      now: new Date(),
      resolveStore: (name) => {
        const s = this.queryableStore(name);
        return s && { id: s.id, shape: s.shape };
      },
      scan: (store, bounds) => this.scanSql(store, bounds, reads),
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
    const reads: string[] = [];
    let release: (() => void) | undefined;
    try {
      const translation = this.translateStatement(sql, reads);
      // leased with no await since the manifest was read: compaction and retention cannot delete them meanwhile
      release = this.files.lease(reads);
      const { eventsScanned, bytesScanned } = this.scanStatistics(translation);
      const bound = await this.queries.bind(translation.sql, toRun && translation.manyRows, release).catch((e) => {
        const col = SqlValidationError.is(e) && e.line === undefined ? /^Column '([^']+)' cannot be resolved/.exec(e.reason) : null;
        const at = col ? locateColumn(sql, col[1]) : undefined;
        throw at ? new SqlValidationError(e.reason, at.line, at.column) : e;
      });
      return { translation, eventsScanned, bytesScanned, storeIds: [...new Set(translation.scans.map((s) => s.storeId))], bound };
    } catch (e) {
      release?.();
      if (SqlValidationError.is(e)) throw new LakeError('InvalidQueryStatementException', e.message);
      throw e;
    }
  }

  private queryableStore(name: string): StoreRecord | undefined {
    const s = this.stores.get(name);
    return s && s.status !== 'PENDING_DELETION' ? s : undefined;
  }

  private scanSql(store: { id: string; shape: TableShape }, bounds: TimeBounds, reads: string[]): string {
    const files = filesInWindow(this.manifest(store.id), bounds);
    if (!files.length) return `(SELECT * FROM tb_empty_${store.shape})`;
    const dir = this.stores.dir(store.id);
    const paths = files.map((f) => path.join(dir, f.file));
    reads.push(...paths);
    return `read_parquet([${paths.map(sqlString).join(', ')}])`;
  }
}
