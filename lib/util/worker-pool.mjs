// Node's worker pool (libuv's threadpool) runs every asynchronous DuckDB call of @duckdb/node-api
// (napi_queue_async_work). A query runs on DuckDB's own threads (lib/lake/query/background.ts), but
// fetching its rows runs the rest of it on the pool, for as long as the rows take. The same pool
// runs scrypt (sign-in), zlib (gzip), WebCrypto/HKDF (session cookies) and asynchronous fs. libuv
// sizes it once, from UV_THREADPOOL_SIZE, when it is first used: the variable must be in the
// server's environment when it starts, so `npm start`, the CLI and the tests spawn it with
// `withWorkerPool`. Plain JavaScript, as those launchers run without TypeScript.

/** Queries that run on the engine at once unless TRAILBENCH_MAX_RUNNING_QUERIES says otherwise. */
export const DEFAULT_MAX_RUNNING_QUERIES = 4;
/** Threads kept for everything but queries: Node's own default pool. */
export const POOL_HEADROOM = 4;
/** libuv's default and its maximum. */
export const LIBUV_DEFAULT_POOL = 4;
const LIBUV_MAX_POOL = 1024;

/** The pool a process running `maxRunning` queries at once needs. */
export function workerPoolSize(maxRunning) {
  return Math.min(LIBUV_MAX_POOL, maxRunning + POOL_HEADROOM);
}

/** How many queries may run at once in a process whose pool has `poolSize` threads (at least one). */
export function runnableQueries(maxRunning, poolSize) {
  return Math.max(1, Math.min(maxRunning, poolSize - POOL_HEADROOM));
}

/**
 * `env` with UV_THREADPOOL_SIZE for the queries it allows to run (a larger size already set is
 * kept). A malformed TRAILBENCH_MAX_RUNNING_QUERIES is passed on as it is, for the server's
 * configuration check to name.
 */
export function withWorkerPool(env) {
  const asked = Number(env.TRAILBENCH_MAX_RUNNING_QUERIES || DEFAULT_MAX_RUNNING_QUERIES);
  const maxRunning = Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_MAX_RUNNING_QUERIES;
  const size = Math.max(Number(env.UV_THREADPOOL_SIZE) || 0, workerPoolSize(maxRunning));
  return { ...env, UV_THREADPOOL_SIZE: String(size) };
}
