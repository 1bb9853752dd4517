import path from 'node:path';
import { CancelQueryCommand, DescribeQueryCommand, StartQueryCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoStoreId, LAKE_KEYS, lakeClient } from '../helpers/lake-client';
import { startServer, type TestServer } from '../helpers/server';
import { ADMIN } from '../helpers/session';
import { DEFAULT_MAX_RUNNING_QUERIES, POOL_HEADROOM, runnableQueries, withWorkerPool } from '../../lib/util/worker-pool.mjs';

/**
 * Issue 19, item 3: the maximum number of the heaviest queries running must not stall sign-in (scrypt),
 * the API or the event loop. Four self CROSS JOINs once held every thread of Node's worker pool, so
 * sign-in, /api/health and StartQuery hung until the queries ended. Prints a QUERY_ISOLATION line
 * that `npm run bench` (bench/isolation.ts) records.
 */
const PORT = Number(process.env.TRAILBENCH_IT_PORT ?? 3124) + 60;
/** The server runs with its defaults: this many queries at once. */
const MAX_RUNNING = DEFAULT_MAX_RUNNING_QUERIES;
const SAMPLES = 20;
/** A request slower than this is a stall, not noise: sampling stops there and the test fails. */
const STALL_MS = 10_000;
/**
 * The target is p95 < 200 ms: `npm run bench` measures against it (it sets
 * TRAILBENCH_ISOLATION_P95_MS=200). Performance targets are the bench's; this test guards the
 * failure mode, requests that wait for the queries to end, with a bound that CPU contention on a
 * shared 2-core machine (sign-in there took 0.5 s with no query running) cannot trip.
 */
const P95_BOUND_MS = Number(process.env.TRAILBENCH_ISOLATION_P95_MS ?? STALL_MS / 2);

let server: TestServer;
let lake: CloudTrailClient;
let store: string;
const started: string[] = [];

beforeAll(async () => {
  server = await startServer({
    port: PORT,
    dataDir: path.resolve(__dirname, '../../.tmp/it-isolation'),
    env: {
      TRAILBENCH_DEMO_EVENTS: '3000',
      TRAILBENCH_LAKE_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
      TRAILBENCH_LAKE_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
      TRAILBENCH_ADMIN_EMAIL: ADMIN.email,
      TRAILBENCH_ADMIN_PASSWORD: ADMIN.password,
      PORT: String(PORT),
    },
  });
  lake = lakeClient(server.url);
  store = await demoStoreId(lake);
});

afterAll(async () => {
  // Cancelled here even when the test failed, so the server can stop; killed if it still will not.
  await Promise.allSettled(started.map((QueryId) => lake.send(new CancelQueryCommand({ QueryId }), { abortSignal: AbortSignal.timeout(5000) })));
  lake?.destroy();
  const kill = setTimeout(() => server?.proc.kill('SIGKILL'), 10_000);
  await server?.stop();
  clearTimeout(kill);
}, 60_000);

/** A self CROSS JOIN over three copies of the store (3,000³ rows) that no index or join rewrite can shorten: hours of CPU. */
const heavySql = () => `SELECT count(*) AS n FROM ${store} a CROSS JOIN ${store} b CROSS JOIN ${store} c WHERE length(a.eventID || b.eventID || c.eventID) = 0`;

/** `run`'s result; a stall throws and names what stalled. */
async function within<T>(what: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await run(AbortSignal.timeout(STALL_MS));
  } catch (e) {
    if (!['TimeoutError', 'AbortError'].includes((e as Error).name)) throw e;
    throw new Error(`${what} did not answer within ${STALL_MS} ms while ${MAX_RUNNING} heavy queries ran`);
  }
}

async function startQuery(sql: string): Promise<string> {
  const { QueryId } = await within('StartQuery', (abortSignal) => lake.send(new StartQueryCommand({ QueryStatement: sql }), { abortSignal }));
  started.push(QueryId!);
  return QueryId!;
}

const status = async (queryId: string) =>
  (await within('DescribeQuery', (abortSignal) => lake.send(new DescribeQueryCommand({ QueryId: queryId }), { abortSignal }))).QueryStatus;

/** `request`'s answer (body read) and how long it took. */
async function timed(what: string, request: (signal: AbortSignal) => Promise<Response>, ok: (res: Response) => boolean = (r) => r.ok) {
  const t = performance.now();
  const { res, body } = await within(what, async (signal) => {
    const res = await request(signal);
    return { res, body: await res.arrayBuffer() };
  });
  if (!ok(res)) throw new Error(`${what} answered ${res.status}`);
  return { ms: performance.now() - t, res, body };
}

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.ceil(ms.length * 0.95) - 1];
const round = (ms: number[]) => ms.map((m) => Math.round(m));

it('keeps sign-in, /api/health and StartQuery answering while the maximum number of heavy queries run', async () => {
  // The sign-in form was loaded before; what is timed is signing in.
  const csrf = await timed('the sign-in form (/api/auth/csrf)', (signal) => fetch(`${server.url}/api/auth/csrf`, { signal }));
  const { csrfToken } = JSON.parse(Buffer.from(csrf.body).toString()) as { csrfToken: string };
  const csrfCookie = csrf.res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const signIn = (signal: AbortSignal) =>
    fetch(`${server.url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      signal,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, json: 'true' }),
    });
  const health = (signal: AbortSignal) => fetch(`${server.url}/api/health`, { signal, headers: { 'accept-encoding': 'gzip' } });
  const signedIn = (res: Response) => res.headers.getSetCookie().some((c) => c.includes('session-token'));

  const sample = async (n: number) => {
    const signInMs: number[] = [];
    const healthMs: number[] = [];
    for (let i = 0; i < n; i++) {
      healthMs.push((await timed('/api/health', health)).ms);
      signInMs.push((await timed('sign-in', signIn, signedIn)).ms);
    }
    return { signInMs, healthMs };
  };
  // The same requests with no query running: what the machine's load alone costs.
  const idle = await sample(SAMPLES / 2);

  const heavy: string[] = [];
  for (let i = 0; i < MAX_RUNNING; i++) heavy.push(await startQuery(heavySql()));
  const deadline = Date.now() + 30_000;
  while ((await Promise.all(heavy.map(status))).some((s) => s !== 'RUNNING')) {
    expect(Date.now() < deadline, 'the heavy queries should be RUNNING').toBe(true);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000)); // past their start, into the join

  const { signInMs, healthMs } = await sample(SAMPLES);
  // Another StartQuery is accepted at once and waits its turn: the running ones hold every slot.
  const startMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const queued = await startQuery('SELECT eventName FROM ' + store + ' LIMIT 1');
    startMs.push(performance.now() - t);
    expect(await status(queued)).toBe('QUEUED');
  }
  expect(await Promise.all(heavy.map(status))).toEqual(heavy.map(() => 'RUNNING'));

  const report = {
    running: MAX_RUNNING,
    samples: SAMPLES,
    signInP95Ms: Math.round(p95(signInMs)),
    healthP95Ms: Math.round(p95(healthMs)),
    signInMs: round(signInMs),
    healthMs: round(healthMs),
    startQueryMs: round(startMs),
    idleSignInMs: round(idle.signInMs),
    idleHealthMs: round(idle.healthMs),
  };
  console.log(`QUERY_ISOLATION ${JSON.stringify(report)}`);
  expect(report.signInP95Ms).toBeLessThan(P95_BOUND_MS);
  expect(report.healthP95Ms).toBeLessThan(P95_BOUND_MS);
  expect(Math.max(...startMs)).toBeLessThan(P95_BOUND_MS);
}, 300_000);

it('runs fewer queries at once when the server was started without a worker pool sized for them', () => {
  expect(withWorkerPool({}).UV_THREADPOOL_SIZE).toBe(String(MAX_RUNNING + POOL_HEADROOM));
  expect(withWorkerPool({ TRAILBENCH_MAX_RUNNING_QUERIES: '10' }).UV_THREADPOOL_SIZE).toBe(String(10 + POOL_HEADROOM));
  expect(withWorkerPool({ UV_THREADPOOL_SIZE: '64' }).UV_THREADPOOL_SIZE).toBe('64'); // a larger pool is kept
  expect(runnableQueries(MAX_RUNNING, 4)).toBe(1); // libuv's default pool of 4: one query runs, three threads stay free
  expect(runnableQueries(MAX_RUNNING, MAX_RUNNING + POOL_HEADROOM)).toBe(MAX_RUNNING);
});
