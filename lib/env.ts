import path from 'node:path';
import { z } from 'zod';
import { connectionsSchema } from './connections/config';
import { cidrError, splitList } from './util/ip-ranges';
import { DEFAULT_MAX_RUNNING_QUERIES, LIBUV_DEFAULT_POOL } from './util/worker-pool.mjs';

/** A size as DuckDB writes it: KB, MB... are powers of 1000, KiB, MiB... of 1024. */
const SIZE = /^(\d+(?:\.\d+)?)\s*([KMGT])(i?)B$/i;
function sizeBytes(size: string): number {
  const [, n, unit, binary] = SIZE.exec(size)!;
  return Math.floor(Number(n) * (binary ? 1024 : 1000) ** ('KMGT'.indexOf(unit.toUpperCase()) + 1));
}

/** A comma-separated list of IP addresses and CIDR ranges; a bad entry is named. */
const cidrList = z.string().superRefine((list, ctx) => {
  for (const entry of splitList(list)) {
    const err = cidrError(entry);
    if (err) ctx.addIssue({ code: 'custom', message: err });
  }
});

/**
 * The one place that reads process.env. Everything else asks `env()` for validated settings,
 * so a typo in a variable fails at start-up with a message that names the variable.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default('127.0.0.1'),
  TRAILBENCH_DATA_DIR: z.string().min(1).default('./data'),
  TRAILBENCH_LAKE_ACCESS_KEY_ID: z
    .string()
    .regex(/^[A-Z0-9]{16,128}$/, 'must be 16-128 upper-case letters or digits')
    .optional(),
  TRAILBENCH_LAKE_SECRET_ACCESS_KEY: z.string().min(16).optional(),
  TRAILBENCH_LAKE_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like an AWS region, e.g. us-east-1')
    .default('us-east-1'),
  TRAILBENCH_LAKE_ACCOUNT_ID: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit AWS account ID')
    .default('123456789012'),
  /** Events generated into the `demo` store when the data directory is empty; 0 disables the demo store. */
  TRAILBENCH_DEMO_EVENTS: z.coerce.number().int().min(0).default(100_000),
  /**
   * A query running longer ends TIMED_OUT. CloudTrail Lake's own limit (an hour) is the most; the
   * default frees a running slot sooner, so runaway queries cannot hold the queue for an hour.
   */
  TRAILBENCH_QUERY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600, "must be at most 3600 (CloudTrail Lake's limit)").default(900),
  /** Queued + running queries before MaxConcurrentQueriesException. */
  TRAILBENCH_MAX_CONCURRENT_QUERIES: z.coerce.number().int().min(1).max(100).default(10),
  /** Queries on the engine at once (the others wait QUEUED); Node's worker pool is sized for them (lib/util/worker-pool.mjs). */
  TRAILBENCH_MAX_RUNNING_QUERIES: z.coerce.number().int().min(1).max(64).default(DEFAULT_MAX_RUNNING_QUERIES),
  /** Memory each running query can count on; the query engine's limit is this times the running queries. */
  TRAILBENCH_QUERY_MEMORY_LIMIT: z
    .string()
    .regex(SIZE, 'must be a size such as 512MiB or 2GB')
    .transform(sizeBytes)
    .refine((b) => b >= 2 ** 24, 'must be at least 16MiB')
    .optional(),
  /** Read by libuv when the process starts (lib/util/worker-pool.mjs); here only to know the pool's size. */
  UV_THREADPOOL_SIZE: z.coerce.number().int().min(1).default(LIBUV_DEFAULT_POOL),
  /** Events an import commits at a time (the lake's default when unset): smaller batches lose less to a crash, larger ones import faster. */
  TRAILBENCH_IMPORT_BATCH_EVENTS: z.coerce.number().int().min(100).optional(),
  /** How often stores that follow a log source check it for new files: a file is queryable within about this (plus its commit). */
  TRAILBENCH_FOLLOW_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  /** Event data stores the built-in lake may hold, pending deletion included: 10 as CloudTrail Lake allows, more for a team that needs them. */
  TRAILBENCH_MAX_EVENT_DATA_STORES: z.coerce.number().int().min(1).max(1000).default(10),
  /** Directories file:// imports may read (comma-separated absolute paths); none when unset, so file:// imports are refused. */
  TRAILBENCH_IMPORT_ROOTS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine((roots) => roots.every((p) => path.isAbsolute(p)), 'must be absolute directories, separated by commas'),
  /** The query engine's threads, the machine's cores when unset; at least 2, as queries run on all but one (lib/lake/query/background.ts). */
  TRAILBENCH_DUCKDB_THREADS: z.coerce.number().int().min(1).optional(),
  TRAILBENCH_DUCKDB_MEMORY_LIMIT: z.string().regex(SIZE).optional(),
  /** PostgreSQL for the app database (postgres://...); embedded SQLite in the data directory when unset. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Creates the first admin on an empty database (automated deployments); otherwise a one-time setup link is printed. */
  TRAILBENCH_ADMIN_EMAIL: z.string().email().optional(),
  TRAILBENCH_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Session signing secret; generated and kept in the data directory when unset. */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** An OpenID Connect provider for sign-in (any issuer): all three or none. */
  TRAILBENCH_OIDC_ISSUER: z.string().url().optional(),
  TRAILBENCH_OIDC_CLIENT_ID: z.string().optional(),
  TRAILBENCH_OIDC_CLIENT_SECRET: z.string().optional(),
  TRAILBENCH_OIDC_NAME: z.string().default('Single sign-on'),
  /** Dollars per GB (2^30 bytes) scanned, for cost estimates; CloudTrail Lake's list price by default. */
  TRAILBENCH_PRICE_PER_GB: z.coerce.number().min(0).default(0.005),
  /** Run asks before a query with cost warnings (no eventTime bound, ...) only when its estimate is over this many dollars. */
  TRAILBENCH_CONFIRM_ABOVE_USD: z.coerce.number().min(0).default(0.1),
  /** Extra lakes (AWS CloudTrail Lake accounts, other CloudTrail-compatible endpoints): see lib/connections/config.ts. */
  TRAILBENCH_CONNECTIONS: connectionsSchema,
  /** How often the alert scheduler looks for due rules and due deliveries. */
  TRAILBENCH_ALERT_TICK_SECONDS: z.coerce.number().min(0.2).max(3600).default(15),
  /** First retry of a failed alert delivery after this many seconds, doubling each time (capped at an hour). */
  TRAILBENCH_ALERT_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  /** Attempts per alert delivery before it is marked failed. */
  TRAILBENCH_ALERT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Reverse proxies in front of Trailbench (CIDR list): only from these is X-Forwarded-For/-Host believed. */
  TRAILBENCH_TRUSTED_PROXIES: cidrList.default(''),
  /** Non-public networks (CIDR list) alert webhooks may reach, e.g. `10.1.0.0/16`; none by default. */
  TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS: cidrList.default(''),
});

export type Env = z.infer<typeof schema> & { dataDir: string };

let cached: Env | undefined;

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid Trailbench configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  if (!!e.TRAILBENCH_LAKE_ACCESS_KEY_ID !== !!e.TRAILBENCH_LAKE_SECRET_ACCESS_KEY) {
    throw new ConfigError(
      'Invalid Trailbench configuration: set both TRAILBENCH_LAKE_ACCESS_KEY_ID and TRAILBENCH_LAKE_SECRET_ACCESS_KEY, or neither (a key pair is then generated).',
    );
  }
  return { ...e, dataDir: path.resolve(e.TRAILBENCH_DATA_DIR) };
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** A secret named by configuration (e.g. a connection's `accessKeyIdEnv`); read here so nothing else touches process.env. */
export function secretFromEnv(name: string | undefined): string | undefined {
  return name ? process.env[name] : undefined;
}

/** The app's own base URL (links in invites and the setup link; next-auth's callbacks). */
export function baseUrl(): string {
  const e = env();
  return e.NEXTAUTH_URL ?? `http://${e.HOSTNAME}:${e.PORT}`;
}

/** next-auth reads its URL from the environment itself; give it ours when none is set. */
export function applyAuthEnvironment(): void {
  process.env.NEXTAUTH_URL ??= baseUrl();
}
