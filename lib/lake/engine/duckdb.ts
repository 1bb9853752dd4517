import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allocatorSettings } from './allocator';
import { withLowPriorityThreads } from './thread-priority';
import { DuckDBInstance, type DuckDBConnection } from './duckdb-api';
import { trinoMacros } from '../sql/macros';
import { sqlString } from '../../util/sql-text/quote';

/**
 * The lake's DuckDB, sandboxed before any user SQL can reach it: the query instance may read only
 * the stores' directory (never the lake's credentials, query results, spools or the app's own
 * files beside it), no extension loading, configuration locked. TimeZone, integer division and implicit
 * text casts are set first so DuckDB behaves like CloudTrail Lake's Trino.
 *
 * Queries run on one instance. Stored files are written by a second one on a single thread:
 * a Parquet write parallelises poorly (two threads cost 1.5 times the CPU of one), so ingest
 * writes days side by side on separate connections instead, and never takes the query
 * instance's threads.
 */
export interface Engine {
  instance: DuckDBInstance;
  /** Connection for the lake's own work (metadata, empty tables); never runs user SQL. */
  internal: DuckDBConnection;
  connect(): Promise<DuckDBConnection>;
  /** A connection to the writer instance, for writing stored files; never runs user SQL. */
  connectWriter(): Promise<DuckDBConnection>;
}

export interface EngineOptions {
  lakeDir: string;
  threads?: number;
  /** Each instance's memory limit. */
  memoryLimit?: string;
  /** The query instance's, when it differs (sized for the queries that run at once). */
  queryMemoryLimit?: string;
}

/** Shares of the machine's memory each instance may use unless TRAILBENCH_DUCKDB_MEMORY_LIMIT sets one for both. */
const QUERY_MEMORY_SHARE = 0.5;
const WRITER_MEMORY_SHARE = 0.2;

export async function createEngine(opts: EngineOptions): Promise<Engine> {
  fs.mkdirSync(opts.lakeDir, { recursive: true });
  const lakeDir = fs.realpathSync(opts.lakeDir);
  // DuckDB's own default, 80% of the machine for each instance, is too much for two in one process
  // beside Node's heap (a 10M-event replication was killed by the OOM killer at 24 GB).
  const memoryLimit = (share: number, limit = opts.memoryLimit) => [
    `SET GLOBAL memory_limit = ${sqlString(limit ?? `${Math.floor((os.totalmem() * share) / 2 ** 20)}MiB`)}`,
  ];
  const storesDir = path.join(lakeDir, 'stores');
  const spillDir = path.join(lakeDir, 'spill');
  fs.mkdirSync(storesDir, { recursive: true });
  // Spill files go where no query may read them: `spill/`, beside `stores/`.
  const [instance, internal] = await withLowPriorityThreads(() =>
    sandboxed([storesDir], path.join(spillDir, 'query'), [
      `SET GLOBAL old_implicit_casting = true`,
      `SET GLOBAL integer_division = true`,
      // Parquet footers are cached across queries: files are immutable, so the cache is never stale.
      `SET GLOBAL enable_object_cache = true`,
      // Queries run on DuckDB's own threads, `threads` − 1 of them (query/background.ts): at least one,
      // and by default one core fewer than the machine's, left to Node (sign-in, the API).
      `SET GLOBAL threads = ${Math.max(2, Math.floor(opts.threads ?? os.availableParallelism()))}`,
      ...memoryLimit(QUERY_MEMORY_SHARE, opts.queryMemoryLimit ?? opts.memoryLimit),
      ...trinoMacros,
    ]),
  );
  // The writer is started on the first write: many processes (the CLI's stores and verify) never write.
  let writer: Promise<DuckDBInstance> | undefined;
  const startWriter = async () => {
    // The writer never runs user SQL; it reads spools (`tmp/`) and writes store files.
    const [w, con] = await sandboxed([storesDir, path.join(lakeDir, 'tmp')], path.join(spillDir, 'writer'), [
      `SET GLOBAL threads = 1`,
      ...memoryLimit(WRITER_MEMORY_SHARE),
    ]);
    con.closeSync();
    return w;
  };
  return {
    instance,
    internal,
    connect: () => instance.connect(),
    connectWriter: async () => {
      writer ??= startWriter().catch((e) => {
        writer = undefined; // the next write tries again
        throw e;
      });
      return (await writer).connect();
    },
  };
}

/** An in-memory instance that can reach only `dirs` and spills to `tempDir`, with `settings` applied before the lock. */
async function sandboxed(dirs: string[], tempDir: string, settings: string[]): Promise<[DuckDBInstance, DuckDBConnection]> {
  const instance = await DuckDBInstance.create(':memory:', {
    temp_directory: tempDir,
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
  });
  const con = await instance.connect();
  const setup = [
    `SET GLOBAL TimeZone = 'UTC'`,
    `SET GLOBAL allowed_directories = [${dirs.map((d) => sqlString(d + path.sep)).join(', ')}]`,
    `SET GLOBAL enable_external_access = false`,
    `SET GLOBAL allow_community_extensions = false`,
    ...allocatorSettings(),
    ...settings,
    `SET GLOBAL lock_configuration = true`,
  ];
  for (const stmt of setup) await con.run(stmt);
  return [instance, con];
}

export { sqlString };
