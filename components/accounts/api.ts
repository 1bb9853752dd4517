// The browser side of the accounts routes (app/api/*): users, saved queries, sharing, runs,
// history and audit. Every call returns parsed JSON or throws an AccountsApiError carrying the
// server's { error: { type, message } } and the HTTP status.

import type { ExportSummary } from '@/lib/workbench/export-list';

export type Role = 'admin' | 'analyst' | 'viewer';
export type ShareRole = 'viewer' | 'editor';
export type Access = 'owner' | 'editor' | 'viewer';

export interface Me { id: string; email: string; name: string; role: Role }
export interface Spend { todayUsd: number; last30DaysUsd: number; totalUsd: number; runs30Days: number }

export interface User { id: string; email: string; name: string; role: Role; disabled: boolean; invitePending: boolean; createdAt: string; lastLoginAt: string | null }

export interface SavedQuery {
  id: string; name: string; description: string; tags: string[]; folder: string; sql: string;
  storeId: string | null; connectionId: string | null; version: number; everyoneRole: ShareRole | null;
  createdAt: string; createdBy: string; updatedAt: string; updatedBy: string; access: Access;
}

export interface SavedQueryInput { name: string; description: string; tags: string[]; folder: string; sql: string; storeId: string | null; connectionId: string | null }

/** One stored version of a saved query (the server sends the database row as is). */
export interface SavedQueryVersion {
  version: number; name: string; description: string; tags: string; folder: string; sql: string;
  store_id: string | null; connection_id: string | null; edited_by: string; edited_at: string;
}

export interface Shares { everyoneRole: ShareRole | null; users: { email: string; role: ShareRole }[] }

export interface Store { id: string; name: string; connectionId?: string; connectionName?: string; region?: string }

export interface Run {
  handle: string; sql: string; store_id: string | null; connection_id: string; status: string;
  bytes_scanned: number | string | null; cost_usd: number | string | null; duration_ms: number | string | null;
  rows: number | string | null; created_at: string; saved_query_id: string | null; email: string;
  /** Finished exports of the run, newest first, each with an evidence file. */
  exports: ExportSummary[];
}

export interface AuditEntry { id: number; at: string; email: string | null; action: string; target: string | null; detail: string }

export interface AuditFilter { email?: string; action?: string; since?: string; until?: string }

export type QueryStatus = 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT';

export interface QueryDescription {
  queryId: string; status: QueryStatus; errorMessage?: string; costUsd?: number;
  statistics?: { eventsMatched?: number; eventsScanned?: number; bytesScanned?: number; executionTimeInMillis?: number };
}

export interface ResultsPage { columns: string[]; rows: string[][]; nextToken?: string; totalResultsCount?: number }

export class AccountsApiError extends Error {
  constructor(readonly type: string, message: string, readonly status: number) {
    super(message);
    this.name = 'AccountsApiError';
  }
}

export async function request<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      cache: 'no-store',
      headers: { accept: 'application/json', ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
  } catch (e) {
    throw new AccountsApiError('NetworkError', `Could not reach the Trailbench server (${(e as Error).message}).`, 0);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const err = (body as { error?: { type?: string; message?: string } } | undefined)?.error;
    throw new AccountsApiError(err?.type ?? `HTTP ${res.status}`, err?.message || `${res.status} ${res.statusText}`.trim(), res.status);
  }
  if (body === undefined) throw new AccountsApiError('InvalidResponse', `The server sent an unreadable response for ${path}.`, res.status);
  return body as T;
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
  inviteUser: (input: { email: string; name?: string; role: Role }) => request<{ user: User; inviteUrl: string }>('/api/users', { method: 'POST', json: input }),
  reinviteUser: (userId: string) => request<{ user: User; inviteUrl: string }>(`/api/users/${id(userId)}/invite`, { method: 'POST', json: {} }),
  resetLink: (userId: string) => request<{ user: User; resetUrl: string }>(`/api/users/${id(userId)}/reset-link`, { method: 'POST', json: {} }),
  changePassword: (input: { currentPassword: string; newPassword: string }) => request<{ changed: true }>('/api/account/password', { method: 'POST', json: input }),
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
  runSaved: async (queryId: string) => (await request<{ queryId: string }>(`/api/saved-queries/${id(queryId)}/run`, { method: 'POST', json: {} })).queryId,

  listStores: async () => (await request<{ stores?: Store[] }>('/api/stores')).stores ?? [],
  describeQuery: (handle: string) => request<QueryDescription>(`/api/queries/${id(handle)}`),
  results: (handle: string, maxResults = 100) => request<ResultsPage>(`/api/queries/${id(handle)}/results?maxResults=${maxResults}`),
  exportUrl: (handle: string, format: 'csv' | 'jsonl' = 'csv') => `/api/queries/${id(handle)}/export?format=${format}`,

  history: async (everyone: boolean) => (await request<{ runs: Run[] }>(`/api/history${everyone ? '?all=1' : ''}`)).runs,
  audit: async (filter: AuditFilter) => (await request<{ entries: AuditEntry[] }>(`/api/audit${query({ ...filter })}`)).entries,
  auditCsvUrl: (filter: AuditFilter) => `/api/audit${query({ format: 'csv', ...filter })}`,
};
