// The browser side of the accounts routes (app/api/*): the signed-in user, users, saved queries,
// sharing, runs of saved queries, history and audit.

import type { ParameterSpec } from '@/lib/parameters/types';
import type { ExportSummary } from '@/lib/workbench/export-list';
import { request } from './request';
import type { SavedQueryVersionsTable } from '@/lib/db/schema';
import type { PublicUser } from '@/lib/auth/users';

export type Role = 'admin' | 'analyst' | 'viewer';
export type ShareRole = 'viewer' | 'editor';
export type Access = 'owner' | 'editor' | 'viewer';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
}
export interface Spend {
  todayUsd: number;
  last30DaysUsd: number;
  totalUsd: number;
  runs30Days: number;
}

/** A user as the server shows it to admins and to the user (lib/auth/users.ts). */
export type User = PublicUser;

export interface SavedQuery {
  id: string;
  name: string;
  description: string;
  tags: string[];
  folder: string;
  sql: string;
  storeId: string | null;
  connectionId: string | null;
  version: number;
  everyoneRole: ShareRole | null;
  /** Its `{{name}}` parameters (as saved, or typed by name from its SQL). */
  parameters: ParameterSpec[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  access: Access;
}

/** What a save sends: the query's own fields (its id, version, sharing and history are the server's). */
export type SavedQueryInput = Pick<SavedQuery, 'name' | 'description' | 'tags' | 'folder' | 'sql' | 'storeId' | 'connectionId'> & {
  parameters?: ParameterSpec[];
};

/** One stored version of a saved query (the server sends the database row as is). */
export type SavedQueryVersion = Omit<SavedQueryVersionsTable, 'query_id'>;

export interface Shares {
  everyoneRole: ShareRole | null;
  users: { email: string; role: ShareRole }[];
}

export interface Run {
  handle: string;
  sql: string;
  store_id: string | null;
  connection_id: string;
  status: string;
  bytes_scanned: number | string | null;
  cost_usd: number | string | null;
  duration_ms: number | string | null;
  rows: number | string | null;
  created_at: string;
  saved_query_id: string | null;
  email: string;
  /** The values its `{{name}}` parameters were filled with (its sql is the filled statement). */
  parameters?: Record<string, string | string[]>;
  /** Finished exports of the run, newest first, each with an evidence file. */
  exports: ExportSummary[];
}

export interface AuditEntry {
  id: number;
  at: string;
  email: string | null;
  action: string;
  target: string | null;
  detail: string;
}

export interface AuditFilter {
  email?: string;
  action?: string;
  since?: string;
  until?: string;
}

const id = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  return p.size ? `?${p}` : '';
}

export const api = {
  me: async () => (await request<{ user: Me }>('/api/me')).user,
  spend: async () => (await request<{ spend: Spend }>('/api/me')).spend,

  /** Ends the next-auth session (its own CSRF token is required). */
  async signOut(): Promise<void> {
    const { csrfToken } = await request<{ csrfToken: string }>('/api/auth/csrf');
    await fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, json: 'true' }),
    });
  },

  listUsers: async () => (await request<{ users: User[] }>('/api/users')).users,
  inviteUser: (input: { email: string; name?: string; role: Role }) =>
    request<{ user: User; inviteUrl: string }>('/api/users', { method: 'POST', json: input }),
  reinviteUser: (userId: string) => request<{ user: User; inviteUrl: string }>(`/api/users/${id(userId)}/invite`, { method: 'POST', json: {} }),
  resetLink: (userId: string) => request<{ user: User; resetUrl: string }>(`/api/users/${id(userId)}/reset-link`, { method: 'POST', json: {} }),
  changePassword: (input: { currentPassword: string; newPassword: string }) =>
    request<{ changed: true }>('/api/account/password', { method: 'POST', json: input }),
  changeUser: async (userId: string, change: { role?: Role; disabled?: boolean }) =>
    (await request<{ user: User }>(`/api/users/${id(userId)}`, { method: 'PATCH', json: change })).user,

  listSaved: async (search: { q?: string; tag?: string }) => (await request<{ queries: SavedQuery[] }>(`/api/saved-queries${query(search)}`)).queries,
  getSaved: async (queryId: string) => (await request<{ query: SavedQuery }>(`/api/saved-queries/${id(queryId)}`)).query,
  createSaved: async (input: SavedQueryInput) => (await request<{ query: SavedQuery }>('/api/saved-queries', { method: 'POST', json: input })).query,
  updateSaved: async (queryId: string, input: SavedQueryInput) =>
    (await request<{ query: SavedQuery }>(`/api/saved-queries/${id(queryId)}`, { method: 'PUT', json: input })).query,
  deleteSaved: (queryId: string) => request<{ deleted: string }>(`/api/saved-queries/${id(queryId)}`, { method: 'DELETE' }),
  versions: async (queryId: string) => (await request<{ versions: SavedQueryVersion[] }>(`/api/saved-queries/${id(queryId)}/versions`)).versions,
  getShares: (queryId: string) => request<Shares>(`/api/saved-queries/${id(queryId)}/shares`),
  setShares: (queryId: string, shares: Shares) => request<Shares>(`/api/saved-queries/${id(queryId)}/shares`, { method: 'PUT', json: shares }),
  runSaved: async (queryId: string, values: Record<string, string> = {}) =>
    (await request<{ queryId: string }>(`/api/saved-queries/${id(queryId)}/run`, { method: 'POST', json: { values } })).queryId,

  history: async (everyone: boolean) => (await request<{ runs: Run[] }>(`/api/history${everyone ? '?all=1' : ''}`)).runs,
  audit: async (filter: AuditFilter) => (await request<{ entries: AuditEntry[] }>(`/api/audit${query({ ...filter })}`)).entries,
  auditCsvUrl: (filter: AuditFilter) => `/api/audit${query({ format: 'csv', ...filter })}`,
};
