import path from 'node:path';
import { baseUrl, env, type Env } from './env';
import { runnableQueries, workerPoolSize } from './util/worker-pool.mjs';
import { Lake, type LakeOptions } from './lake/lake';
import { seedDemoStores } from './lake/demo/seed';
import { acquireLakeWhenFree, describeBusy } from './lake/owner';

/**
 * The process's one built-in lake, opened on first use (the Next server, the CLI, tests) and
 * kept on globalThis so dev-mode module reloads do not open DuckDB twice.
 */
const holder = globalThis as typeof globalThis & { __trailbenchLake?: Promise<Lake> };

export function getLake(): Promise<Lake> {
  holder.__trailbenchLake ??= openFromEnv().catch((e) => {
    holder.__trailbenchLake = undefined;
    throw e;
  });
  return holder.__trailbenchLake;
}

/** The lake's settings from the environment, for a data directory (the server's, or the CLI's `--data-dir`). */
export function lakeOptionsFromEnv(dataDir = env().dataDir): LakeOptions {
  const e = env();
  const running = runningQueries(e);
  return {
    dataDir,
    region: e.TRAILBENCH_LAKE_REGION,
    accountId: e.TRAILBENCH_LAKE_ACCOUNT_ID,
    credentials: { accessKeyId: e.TRAILBENCH_LAKE_ACCESS_KEY_ID, secretAccessKey: e.TRAILBENCH_LAKE_SECRET_ACCESS_KEY },
    maxConcurrentQueries: e.TRAILBENCH_MAX_CONCURRENT_QUERIES,
    maxRunningQueries: running,
    queryTimeoutMs: e.TRAILBENCH_QUERY_TIMEOUT_SECONDS * 1000,
    threads: e.TRAILBENCH_DUCKDB_THREADS,
    memoryLimit: e.TRAILBENCH_DUCKDB_MEMORY_LIMIT,
    // DuckDB's limit is the instance's, not a query's: each running query can count on its share.
    queryMemoryLimit: e.TRAILBENCH_QUERY_MEMORY_LIMIT === undefined ? undefined : `${Math.floor((e.TRAILBENCH_QUERY_MEMORY_LIMIT * running) / 2 ** 20)}MiB`,
    importBatchEvents: e.TRAILBENCH_IMPORT_BATCH_EVENTS,
    followIntervalMs: e.TRAILBENCH_FOLLOW_INTERVAL_SECONDS * 1000,
    maxEventDataStores: e.TRAILBENCH_MAX_EVENT_DATA_STORES,
    importRoots: e.TRAILBENCH_IMPORT_ROOTS,
  };
}

/**
 * TRAILBENCH_MAX_RUNNING_QUERIES, or fewer when this process's worker pool was not sized for them
 * (a server started without `npm start`): a running query must never take the threads that sign-in
 * and the API need.
 */
function runningQueries(e: Env): number {
  const asked = Math.min(e.TRAILBENCH_MAX_RUNNING_QUERIES, e.TRAILBENCH_MAX_CONCURRENT_QUERIES);
  const running = runnableQueries(asked, e.UV_THREADPOOL_SIZE);
  if (running < asked) {
    console.warn(
      `[lake] Node's worker pool has ${e.UV_THREADPOOL_SIZE} threads: ${running} of ${asked} queries run at once (start with npm start, or set UV_THREADPOOL_SIZE=${workerPoolSize(asked)}).`,
    );
  }
  return running;
}

/** The lake directory inside a data directory. */
export const lakeDirOf = (dataDir: string) => path.join(path.resolve(dataDir), 'lake');

async function openFromEnv(): Promise<Lake> {
  const e = env();
  // Own the lake before opening it: the CLI then goes through this server's API instead of opening
  // it too. A CLI that has it open now (an import) is waited for; requests wait with it.
  const lakeDir = lakeDirOf(e.dataDir);
  await acquireLakeWhenFree(
    lakeDir,
    { kind: 'server', url: baseUrl() },
    { onWait: (holder) => console.log(`[trailbench] waiting for the lake: ${describeBusy(lakeDir, holder)}`) },
  );
  const lake = await Lake.open(lakeOptionsFromEnv(e.dataDir));
  if (lake.credentials.generated) printCredentials(lake, e.PORT, e.HOSTNAME);
  await seedDemoStores(lake, e.TRAILBENCH_DEMO_EVENTS);
  return lake;
}

function printCredentials(lake: Lake, port: number, host: string) {
  const { accessKeyId, secretAccessKey } = lake.credentials;
  console.log(
    [
      '',
      'Trailbench generated an access key pair for the built-in lake (kept in the data directory; shown only now):',
      `  AWS_ACCESS_KEY_ID=${accessKeyId}`,
      `  AWS_SECRET_ACCESS_KEY=${secretAccessKey}`,
      'Query it with any AWS client, e.g.:',
      `  AWS_ACCESS_KEY_ID=${accessKeyId} AWS_SECRET_ACCESS_KEY=${secretAccessKey} aws cloudtrail list-event-data-stores --region ${lake.opts.region} --endpoint-url http://${host}:${port}/lake`,
      '',
    ].join('\n'),
  );
}

export type { Lake };
