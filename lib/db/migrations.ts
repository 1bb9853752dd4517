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
  '002_alerts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('alert_destinations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('url_secret', 'text', (c) => c.notNull())
        .addColumn('url_hint', 'text', (c) => c.notNull())
        .addColumn('signing_secret', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_destinations_owner').on('alert_destinations').column('owner_id').execute();
      await db.schema
        .createTable('alert_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('saved_query_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('schedule', 'text', (c) => c.notNull())
        .addColumn('window_mode', 'text', (c) => c.notNull())
        .addColumn('window_minutes', 'integer', (c) => c.notNull())
        .addColumn('condition', 'text', (c) => c.notNull())
        .addColumn('cooldown_minutes', 'integer', (c) => c.notNull())
        .addColumn('dedupe_rows', 'integer', (c) => c.notNull())
        .addColumn('summary_template', 'text', (c) => c.notNull())
        .addColumn('row_template', 'text', (c) => c.notNull())
        .addColumn('last_status', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('last_run_at', 'text')
        .addColumn('next_run_at', 'text')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_rules_owner').on('alert_rules').columns(['owner_id', 'saved_query_id']).execute();
      await db.schema.createIndex('alert_rules_due').on('alert_rules').columns(['enabled', 'next_run_at']).execute();
      await db.schema
        .createTable('alert_rule_destinations')
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('destination_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('alert_rule_destinations_pk', ['rule_id', 'destination_id'])
        .execute();
      await db.schema
        .createTable('alert_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('slot_at', 'text')
        .addColumn('window_start', 'text')
        .addColumn('window_end', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('query_handle', 'text')
        .addColumn('row_count', 'integer')
        .addColumn('matched_count', 'integer')
        .addColumn('error', 'text')
        .addColumn('note', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      // one run per schedule slot: the claim that keeps two processes from running the same slot
      await db.schema.createIndex('alert_runs_slot').on('alert_runs').columns(['rule_id', 'slot_at']).unique().execute();
      await db.schema.createIndex('alert_runs_started').on('alert_runs').columns(['rule_id', 'started_at']).execute();
      await db.schema
        .createTable('alert_firings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('test', 'integer', (c) => c.notNull())
        .addColumn('slot_at', 'text')
        .addColumn('fired_at', 'text', (c) => c.notNull())
        .addColumn('window_start', 'text')
        .addColumn('window_end', 'text')
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('columns', 'text', (c) => c.notNull())
        .addColumn('rows', 'text', (c) => c.notNull())
        .addColumn('query_handle', 'text')
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_firings_rule').on('alert_firings').columns(['rule_id', 'fired_at']).execute();
      await db.schema
        .createTable('alert_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('firing_id', 'text', (c) => c.notNull())
        .addColumn('destination_id', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('lease_until', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('attempt_log', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_deliveries_due').on('alert_deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('alert_deliveries_firing').on('alert_deliveries').column('firing_id').execute();
      await db.schema
        .createTable('alert_notified_rows')
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('notified_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('alert_notified_rows_pk', ['rule_id', 'fingerprint'])
        .execute();
    },
  },
  '003_access_keys': {
    async up(db: Kysely<unknown>) {
      // per-user keys for the lake's CloudTrail API; the secret is kept encrypted (SigV4 needs it to verify)
      await db.schema
        .createTable('access_keys')
        .addColumn('access_key_id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('last_used_operation', 'text')
        .execute();
      await db.schema.createIndex('access_keys_user').on('access_keys').columns(['user_id', 'created_at']).execute();
    },
  },
  '004_session_version': {
    async up(db: Kysely<unknown>) {
      // JWT sessions cannot be revoked one by one; a session signed before the user's last password change is refused
      await db.schema
        .alterTable('users')
        .addColumn('session_version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '005_parameters': {
    async up(db: Kysely<unknown>) {
      // a run of a parameterised query: the values it was filled with (JSON); its sql is the filled statement
      await db.schema.alterTable('query_runs').addColumn('parameters', 'text').execute();
      // a saved query's {{name}} parameter definitions (JSON: type, default), so its form needs no SQL editing
      await db.schema.alterTable('saved_queries').addColumn('parameters', 'text').execute();
    },
  },
});

export const migrationProvider = (dialect: DialectName): MigrationProvider => ({ getMigrations: async () => migrations(dialect) });
