import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { trinoMacros } from '../sql/macros';

/**
 * The lake's one DuckDB instance, sandboxed before any user SQL can reach it: file access only
 * inside the lake directory, no extension loading, configuration locked. TimeZone, integer
 * division and implicit text casts are set first so DuckDB behaves like CloudTrail Lake's Trino.
 */
export interface Engine {
  instance: DuckDBInstance;
  /** Connection for the lake's own work (ingest, metadata); never runs user SQL. */
  internal: DuckDBConnection;
  connect(): Promise<DuckDBConnection>;
}

export interface EngineOptions {
  lakeDir: string;
  threads?: number;
  memoryLimit?: string;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function createEngine(opts: EngineOptions): Promise<Engine> {
  fs.mkdirSync(opts.lakeDir, { recursive: true });
  const lakeDir = fs.realpathSync(opts.lakeDir);
  const instance = await DuckDBInstance.create(':memory:', {
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
  });
  const internal = await instance.connect();
  const setup = [
    `SET GLOBAL TimeZone = 'UTC'`,
    `SET GLOBAL old_implicit_casting = true`,
    `SET GLOBAL integer_division = true`,
    `SET GLOBAL allowed_directories = [${sqlString(lakeDir + path.sep)}]`,
    `SET GLOBAL enable_external_access = false`,
    `SET GLOBAL allow_community_extensions = false`,
    // Parquet footers are cached across queries: files are immutable, so the cache is never stale.
    `SET GLOBAL enable_object_cache = true`,
    ...(opts.threads ? [`SET GLOBAL threads = ${Math.floor(opts.threads)}`] : []),
    ...(opts.memoryLimit ? [`SET GLOBAL memory_limit = ${sqlString(opts.memoryLimit)}`] : []),
    ...trinoMacros,
    `SET GLOBAL lock_configuration = true`,
  ];
  for (const stmt of setup) await internal.run(stmt);
  return { instance, internal, connect: () => instance.connect() };
}

export { sqlString };
