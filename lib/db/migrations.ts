import type { CreateTableBuilder, Kysely, Migration, MigrationProvider } from 'kysely';

/** What a saved query holds, in the query itself and in each of its versions. */
function queryContent<T extends string, C extends string>(t: CreateTableBuilder<T, C>) {
  return t
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('sql', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text')
    .addColumn('connection_id', 'text');
}

export type DialectName = 'sqlite' | 'postgres';

/** The app database's migrations, in order; the same for SQLite and PostgreSQL but for auto-increment. */
const migrations = (dialect: DialectName): Record<string, Migration> => ({
  '001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('saved_queries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .$call(queryContent)
        .addColumn('everyone_role', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('saved_query_versions')
        .addColumn('query_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .$call(queryContent)
        .addColumn('edited_by', 'text', (c) => c.notNull())
        .addColumn('edited_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('saved_query_versions_pk', ['query_id', 'version'])
        .execute();
      await db.schema
        .createTable('shares')
        .addColumn('query_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('shares_pk', ['query_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('query_runs')
        .addColumn('handle', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('saved_query_id', 'text')
        .addColumn('sql', 'text', (c) => c.notNull())
        .addColumn('store_id', 'text')
        .addColumn('connection_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('bytes_scanned', 'bigint')
        .addColumn('cost_usd', 'double precision')
        .addColumn('duration_ms', 'bigint')
        .addColumn('rows', 'bigint')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('query_runs_user').on('query_runs').columns(['user_id', 'created_at']).execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    },
  },
});

export const migrationProvider = (dialect: DialectName): MigrationProvider => ({ getMigrations: async () => migrations(dialect) });
