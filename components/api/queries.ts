// The browser side of the query routes (app/api/queries, stores, estimate, exports): stores,
// a query's start, status, result pages, cancel, cost estimate and exports.

import type { CostEstimate } from '@/lib/workbench/cost';
import type { ExportSummary } from '@/lib/workbench/export-list';
import type { RunParameters } from '@/lib/workbench/run-parameters';
import { isAbortError, request } from './request';

export type { CostEstimate, ExportSummary, RunParameters };

export type QueryStatus = 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT';

export const ACTIVE_STATUSES: readonly QueryStatus[] = ['QUEUED', 'RUNNING'];

export function isActiveStatus(status: QueryStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

export interface EventDataStore {
  id: string;
  arn: string;
  name: string;
  status: string;
  retentionPeriod?: number;
  /** Categories the store's selectors admit (Management, Data, NetworkActivity, ...); requested from the server, absent until it sends them. */
  eventCategories?: string[];
  /** Table shape of the store (cloudtrail, insight, config, evidence, activity); requested, absent means cloudtrail. */
  shape?: string;
  /** The connection (built-in lake, AWS account, compatible endpoint) and region the store lives in. */
  connectionId?: string;
  connectionName?: string;
  region?: string;
}

export interface StoreListError {
  connectionId: string;
  region: string;
  message: string;
}

/** Identifies a store across connections and regions (the same ID can be reachable twice). */
export function storeKey(s: Pick<EventDataStore, 'id' | 'connectionId' | 'region'>): string {
  return s.connectionId ? `${s.connectionId}~${s.region ?? ''}~${s.id}` : s.id;
}

/** Frequent values and map keys of a store, sampled cheaply by the server (requested route; may be missing). */
export interface FieldSamples {
  sampledEvents?: number;
  /** Lower-case dotted field path → most frequent values first. */
  values: Record<string, { value: string; count: number }[]>;
  /** Lower-case map field path → keys seen, most frequent first. */
  mapKeys: Record<string, { key: string; count: number }[]>;
}

export interface QueryStatistics {
  eventsMatched: number;
  eventsScanned: number;
  bytesScanned: number;
  executionTimeInMillis: number;
}

export interface QueryDescription {
  queryId: string;
  status: QueryStatus;
  errorMessage?: string;
  statistics?: Partial<QueryStatistics>;
  /** What the scan cost at the configured price per GB. */
  costUsd?: number;
  /** The SQL as the lake ran it (store IDs filled in). */
  queryString?: string;
}

export interface ResultsPage {
  columns: string[];
  /** null is a NULL cell (told apart where the lake marks NULLs: the built-in lake). */
  rows: (string | null)[][];
  nextToken?: string;
  totalResultsCount?: number;
}

/** Stores of every connection; connections that could not be listed come back in `errors`. */
export async function listStores(signal?: AbortSignal): Promise<{ stores: EventDataStore[]; errors: StoreListError[] }> {
  const body = await request<{ stores?: EventDataStore[]; errors?: StoreListError[] }>('/api/stores', { signal });
  return { stores: body.stores ?? [], errors: body.errors ?? [] };
}

/** Starts a query on the store's lake; the server fills `$EDS_ID` with the store's ID and `{{name}}` with `parameters`. */
export async function startQuery(
  sql: string,
  store: Pick<EventDataStore, 'id' | 'connectionId' | 'region'> | undefined,
  signal?: AbortSignal,
  budgetUsd?: number,
  parameters?: RunParameters,
): Promise<string> {
  const body = await request<{ queryId: string }>('/api/queries', {
    method: 'POST',
    json: { sql, storeId: store?.id, connectionId: store?.connectionId, region: store?.region, budgetUsd, parameters },
    signal,
  });
  return body.queryId;
}

export function describeQuery(queryId: string, signal?: AbortSignal): Promise<QueryDescription> {
  return request<QueryDescription>(`/api/queries/${encodeURIComponent(queryId)}`, { signal });
}

export function getQueryResults(queryId: string, opts: { maxResults: number; nextToken?: string }, signal?: AbortSignal): Promise<ResultsPage> {
  const params = new URLSearchParams({ maxResults: String(opts.maxResults) });
  if (opts.nextToken) params.set('nextToken', opts.nextToken);
  return request<ResultsPage>(`/api/queries/${encodeURIComponent(queryId)}/results?${params}`, { signal });
}

export function cancelQuery(queryId: string, signal?: AbortSignal): Promise<{ queryId: string; status: QueryStatus }> {
  return request<{ queryId: string; status: QueryStatus }>(`/api/queries/${encodeURIComponent(queryId)}/cancel`, {
    method: 'POST',
    signal,
  });
}

/** Bytes and dollars a query would scan, before Run (POST /api/estimate). */
export function estimateQuery(
  sql: string,
  store: Pick<EventDataStore, 'id' | 'connectionId' | 'region'> | undefined,
  signal?: AbortSignal,
  parameters?: RunParameters,
): Promise<CostEstimate> {
  return request<CostEstimate>('/api/estimate', {
    method: 'POST',
    json: { sql, storeId: store?.id, connectionId: store?.connectionId, region: store?.region, parameters },
    signal,
  });
}

export interface ExportRequest {
  format: 'csv' | 'jsonl';
  /** all: every row of the result, streamed by the server; page: one page from nextToken. */
  scope: 'all' | 'page';
  nextToken?: string;
  maxResults?: number;
  formulaGuard: boolean;
}

/** Your finished exports of a query, newest first (GET /api/queries/{id}/exports). */
export function listExports(queryId: string): Promise<{ exports: ExportSummary[] }> {
  return request(`/api/queries/${encodeURIComponent(queryId)}/exports`);
}

/** The download URL of an export's evidence file: SQL, query, rows, SHA-256 of the file, who, when. */
export const evidenceUrl = (exportId: string) => `/api/exports/${encodeURIComponent(exportId)}`;

/** The download URL of a result export (GET /api/queries/{id}/export). */
export function exportUrl(queryId: string, req: ExportRequest): string {
  const params = new URLSearchParams({ format: req.format, scope: req.scope, formulaGuard: req.formulaGuard ? 'on' : 'off' });
  if (req.scope === 'page') {
    if (req.nextToken) params.set('nextToken', req.nextToken);
    if (req.maxResults) params.set('maxResults', String(req.maxResults));
  }
  return `/api/queries/${encodeURIComponent(queryId)}/export?${params}`;
}

/** Sampled values and map keys of a store, or null when the server has no such route (yet). */
export async function getFieldSamples(store: Pick<EventDataStore, 'id' | 'connectionId' | 'region'>, signal?: AbortSignal): Promise<FieldSamples | null> {
  const params = new URLSearchParams();
  if (store.connectionId) params.set('connectionId', store.connectionId);
  if (store.region) params.set('region', store.region);
  const query = params.size ? `?${params}` : '';
  try {
    const body = await request<Partial<FieldSamples>>(`/api/stores/${encodeURIComponent(store.id)}/field-samples${query}`, { signal });
    return { sampledEvents: body.sampledEvents, values: body.values ?? {}, mapKeys: body.mapKeys ?? {} };
  } catch (err) {
    if (isAbortError(err)) throw err;
    return null; // 404 until the server offers it, or sampling failed: the editor falls back to fixed lists
  }
}
