import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { env } from '../env';
import { migrationProvider, type DialectName } from './migrations';
import type { Database } from './schema';

/**
 * The app database behind one query layer: embedded SQLite in the data directory by default,
 * PostgreSQL when DATABASE_URL points at one. Migrated to the latest schema on first use.
 */
const holder = globalThis as typeof globalThis & { __trailbenchDb?: Promise<Kysely<Database>> };

export function getDb(): Promise<Kysely<Database>> {
  holder.__trailbenchDb ??= openDb(env().DATABASE_URL, env().dataDir).catch((e) => {
    holder.__trailbenchDb = undefined;
    throw e;
  });
  return holder.__trailbenchDb;
}

export async function openDb(databaseUrl: string | undefined, dataDir: string): Promise<Kysely<Database>> {
  let db: Kysely<Database>;
  let dialect: DialectName;
  if (databaseUrl) {
    const { Pool } = await import('pg');
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: databaseUrl, max: 10 }) }) });
    dialect = 'postgres';
  } else {
    const { default: SQLite } = await import('better-sqlite3');
    fs.mkdirSync(dataDir, { recursive: true });
    const file = new SQLite(path.join(dataDir, 'trailbench.db'));
    file.pragma('journal_mode = WAL');
    file.pragma('foreign_keys = ON');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
    dialect = 'sqlite';
  }
  const { error, results } = await new Migrator({ db, provider: migrationProvider(dialect) }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`App database migration ${failed ?? ''} failed: ${(error as Error).message}`);
  }
  return db;
}

export type { Database };
