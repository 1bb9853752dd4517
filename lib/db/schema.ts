import type { Generated } from 'kysely';

/**
 * The app database (users, saved queries, shares, history, audit): one schema for SQLite and
 * PostgreSQL. IDs are UUID text and times ISO-8601 text, so both engines store them alike.
 */
export type Role = 'admin' | 'analyst' | 'viewer';
export type ShareRole = 'viewer' | 'editor';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  disabled: number; // 0 | 1
  created_at: string;
  last_login_at: string | null;
  session_version: Generated<number>; // raised on a password change or reset: older sessions stop working
}

/** One-time links: the first admin's setup, an invite, a password reset (lib/auth/tokens.ts). */
export type TokenKind = 'setup' | 'invite' | 'reset';

export interface TokensTable {
  token_hash: string;
  kind: TokenKind;
  user_id: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface SavedQueriesTable {
  id: string;
  owner_id: string;
  name: string;
  description: string;
  tags: string; // JSON array
  folder: string;
  sql: string;
  store_id: string | null;
  connection_id: string | null;
  everyone_role: ShareRole | null; // shared with everyone, as viewer or editor
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  /** JSON ParameterSpec[] of its `{{name}}` placeholders, or null (then typed by name, lib/parameters/infer.ts). */
  parameters: string | null;
}

export interface SavedQueryVersionsTable {
  query_id: string;
  version: number;
  name: string;
  description: string;
  tags: string;
  folder: string;
  sql: string;
  store_id: string | null;
  connection_id: string | null;
  edited_by: string;
  edited_at: string;
}

export interface SharesTable {
  query_id: string;
  user_id: string;
  role: ShareRole;
}

export interface QueryRunsTable {
  handle: string;
  user_id: string;
  saved_query_id: string | null;
  sql: string;
  store_id: string | null;
  connection_id: string;
  status: string;
  bytes_scanned: number | null;
  cost_usd: number | null;
  duration_ms: number | null;
  rows: number | null;
  created_at: string;
  /** JSON: the parameter values the SQL was filled with (the sql column is the filled statement). */
  parameters: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  action: string;
  target: string | null;
  detail: string; // JSON
}

/** Alerts (lib/alerts): reusable destinations, rules on saved queries, and what each run did. */

/** The kinds of alert destination; what each is made of: lib/alerts/destinations/kinds.ts. */
export type DestinationKind = 'slack' | 'webhook' | 'email' | 'pagerduty' | 'teams' | 'opsgenie';

export interface AlertDestinationsTable {
  id: string;
  owner_id: string;
  name: string;
  kind: DestinationKind;
  url_secret: string; // encrypted (lib/util/sealed-secrets.ts)
  url_hint: string; // masked, for display
  signing_secret: string | null; // encrypted; webhooks only
  created_at: string;
  updated_at: string;
}

export interface AlertRulesTable {
  id: string;
  owner_id: string;
  saved_query_id: string;
  name: string;
  enabled: number; // 0 | 1
  schedule: string; // JSON (lib/alerts/schedule.ts)
  window_mode: 'schedule' | 'anchored';
  window_minutes: number;
  condition: string; // JSON (lib/alerts/condition.ts)
  cooldown_minutes: number;
  dedupe_rows: number; // 0 | 1
  summary_template: string;
  row_template: string;
  last_status: string; // never | ok | fired | suppressed | error
  last_error: string | null;
  last_run_at: string | null;
  next_run_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface AlertRuleDestinationsTable {
  rule_id: string;
  destination_id: string;
}

export interface AlertRunsTable {
  id: string;
  rule_id: string;
  kind: 'scheduled' | 'test';
  slot_at: string | null; // the schedule slot (scheduled runs; unique per rule)
  window_start: string | null;
  window_end: string | null;
  status: string; // running | ok | fired | suppressed | error
  query_handle: string | null;
  row_count: number | null;
  matched_count: number | null;
  error: string | null;
  note: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface AlertFiringsTable {
  id: string;
  rule_id: string;
  run_id: string;
  idempotency_key: string;
  test: number; // 0 | 1
  slot_at: string | null;
  fired_at: string;
  window_start: string | null;
  window_end: string | null;
  row_count: number;
  columns: string; // JSON array
  rows: string; // JSON array of cell arrays (the rows that fired, capped)
  query_handle: string | null;
  summary: string;
}

export interface AlertDeliveriesTable {
  id: string;
  firing_id: string;
  destination_id: string;
  idempotency_key: string;
  status: 'pending' | 'sending' | 'retrying' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  body: string;
  last_status: number | null;
  last_error: string | null;
  attempt_log: string; // JSON array of {at, status?, error?, ms}
  delivered_at: string | null;
  created_at: string;
}

export interface AlertNotifiedRowsTable {
  rule_id: string;
  fingerprint: string;
  notified_at: string;
}

/** A user's key for the lake's CloudTrail API (lib/lake-access/access-keys.ts). */
export interface AccessKeysTable {
  access_key_id: string;
  user_id: string;
  name: string;
  secret_sealed: string; // encrypted (lib/lake-access/access-key-secret.ts); SigV4 verification needs the secret itself
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
  last_used_operation: string | null;
}

export interface Database {
  users: UsersTable;
  tokens: TokensTable;
  saved_queries: SavedQueriesTable;
  saved_query_versions: SavedQueryVersionsTable;
  shares: SharesTable;
  query_runs: QueryRunsTable;
  audit_log: AuditLogTable;
  alert_destinations: AlertDestinationsTable;
  alert_rules: AlertRulesTable;
  alert_rule_destinations: AlertRuleDestinationsTable;
  alert_runs: AlertRunsTable;
  alert_firings: AlertFiringsTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_notified_rows: AlertNotifiedRowsTable;
  access_keys: AccessKeysTable;
}
