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
}

export interface TokensTable {
  token_hash: string;
  kind: 'setup' | 'invite';
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
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  action: string;
  target: string | null;
  detail: string; // JSON
}

export interface Database {
  users: UsersTable;
  tokens: TokensTable;
  saved_queries: SavedQueriesTable;
  saved_query_versions: SavedQueryVersionsTable;
  shares: SharesTable;
  query_runs: QueryRunsTable;
  audit_log: AuditLogTable;
}
