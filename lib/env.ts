import path from 'node:path';
import { z } from 'zod';
import { connectionsSchema } from './connections/config';

/**
 * The one place that reads process.env. Everything else asks `env()` for validated settings,
 * so a typo in a variable fails at start-up with a message that names the variable.
 */
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
  TRAILBENCH_DUCKDB_THREADS: z.coerce.number().int().min(1).optional(),
  TRAILBENCH_DUCKDB_MEMORY_LIMIT: z.string().regex(/^\d+(\.\d+)?\s*[KMGT]i?B$/i).optional(),
  /** Dollars per GB (2^30 bytes) scanned, for cost estimates; CloudTrail Lake's list price by default. */
  TRAILBENCH_PRICE_PER_GB: z.coerce.number().min(0).default(0.005),
  /** Extra lakes (AWS CloudTrail Lake accounts, other CloudTrail-compatible endpoints): see lib/connections/config.ts. */
  TRAILBENCH_CONNECTIONS: connectionsSchema,
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
