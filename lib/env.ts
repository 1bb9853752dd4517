import path from 'node:path';
import { z } from 'zod';
import { connectionsSchema } from './connections/config';
import { cidrError, splitList } from './http/ip-ranges';

/**
 * The one place that reads process.env. Everything else asks `env()` for validated settings,
 * so a typo in a variable fails at start-up with a message that names the variable.
 */
/** A comma-separated list of IP addresses and CIDR ranges; a bad entry is named. */
const cidrList = z.string().superRefine((list, ctx) => {
  for (const entry of splitList(list)) {
    const err = cidrError(entry);
    if (err) ctx.addIssue({ code: 'custom', message: err });
  }
});

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default('127.0.0.1'),
  TRAILBENCH_DATA_DIR: z.string().min(1).default('./data'),
  TRAILBENCH_LAKE_ACCESS_KEY_ID: z.string().regex(/^[A-Z0-9]{16,128}$/, 'must be 16-128 upper-case letters or digits').optional(),
  TRAILBENCH_LAKE_SECRET_ACCESS_KEY: z.string().min(16).optional(),
  TRAILBENCH_LAKE_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like an AWS region, e.g. us-east-1').default('us-east-1'),
  TRAILBENCH_LAKE_ACCOUNT_ID: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account ID').default('123456789012'),
  /** Events generated into the `demo` store when the data directory is empty; 0 disables the demo store. */
  TRAILBENCH_DEMO_EVENTS: z.coerce.number().int().min(0).default(100_000),
  TRAILBENCH_QUERY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(3600),
  TRAILBENCH_MAX_CONCURRENT_QUERIES: z.coerce.number().int().min(1).max(100).default(10),
  /** Events an import commits at a time (the lake's default when unset): smaller batches lose less to a crash, larger ones import faster. */
  TRAILBENCH_IMPORT_BATCH_EVENTS: z.coerce.number().int().min(100).optional(),
  TRAILBENCH_DUCKDB_THREADS: z.coerce.number().int().min(1).optional(),
  TRAILBENCH_DUCKDB_MEMORY_LIMIT: z.string().regex(/^\d+(\.\d+)?\s*[KMGT]i?B$/i).optional(),
  /** PostgreSQL for the app database (postgres://...); embedded SQLite in the data directory when unset. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
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
