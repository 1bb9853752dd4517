// The one place in the browser that knows the workbench HTTP routes (app/api/*).
// Every call returns parsed JSON or throws an ApiError carrying the server's { error: { type, message } }.

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
}

export interface QueryResultsPage {
  columns: string[];
  rows: string[][];
  nextToken?: string;
  totalResultsCount?: number;
}

export class ApiError extends Error {
  readonly type: string;
  readonly status: number;

  constructor(type: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.type = type;
    this.status = status;
  }
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      cache: 'no-store',
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError('NetworkError', `Could not reach the Trailbench server (${(err as Error).message}).`, 0);
  }

  const text = await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }

  if (!res.ok) {
    const error = (body as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
    const type = typeof error?.type === 'string' ? error.type : `HTTP ${res.status}`;
    const message =
      typeof error?.message === 'string' && error.message
        ? error.message
        : `${res.status} ${res.statusText || 'request failed'}`.trim();
    throw new ApiError(type, message, res.status);
  }
  if (body === undefined) throw new ApiError('InvalidResponse', `The server sent an unreadable response for ${path}.`, res.status);
  return body as T;
}

export async function listStores(signal?: AbortSignal): Promise<EventDataStore[]> {
  const body = await request<{ stores: EventDataStore[] }>('/api/stores', { signal });
  return body.stores ?? [];
}

export async function startQuery(sql: string, storeId: string | undefined, signal?: AbortSignal): Promise<string> {
  const body = await request<{ queryId: string }>('/api/queries', {
    method: 'POST',
    body: JSON.stringify({ sql, storeId }),
    signal,
  });
  return body.queryId;
}

export function describeQuery(queryId: string, signal?: AbortSignal): Promise<QueryDescription> {
  return request<QueryDescription>(`/api/queries/${encodeURIComponent(queryId)}`, { signal });
}

export function getQueryResults(
  queryId: string,
  opts: { maxResults: number; nextToken?: string },
  signal?: AbortSignal,
): Promise<QueryResultsPage> {
  const params = new URLSearchParams({ maxResults: String(opts.maxResults) });
  if (opts.nextToken) params.set('nextToken', opts.nextToken);
  return request<QueryResultsPage>(`/api/queries/${encodeURIComponent(queryId)}/results?${params}`, { signal });
}

export function cancelQuery(queryId: string, signal?: AbortSignal): Promise<{ queryId: string; status: QueryStatus }> {
  return request<{ queryId: string; status: QueryStatus }>(`/api/queries/${encodeURIComponent(queryId)}/cancel`, {
    method: 'POST',
    signal,
  });
}

export { isAbort as isAbortError };
