// The one place in the browser that sends requests to the app's routes (app/api/*). Every call
// returns parsed JSON or throws an ApiError carrying the server's { error: { type, message } }
// and the HTTP status (0 when the server could not be reached).

export class ApiError extends Error {
  /** `detail`: the rest of the server's error body (e.g. `problems` of a ParameterInvalid). */
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

export interface RequestOptions {
  method?: string;
  /** Sent as the JSON body. */
  json?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(path: string, init: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      cache: 'no-store',
      headers: { accept: 'application/json', ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
      signal: init.signal,
    });
  } catch (err) {
    if (isAbortError(err)) throw err;
    throw new ApiError('NetworkError', `Could not reach the Trailbench server (${(err as Error).message}).`, 0);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const error = (body as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
    const type = typeof error?.type === 'string' ? error.type : `HTTP ${res.status}`;
    const message = typeof error?.message === 'string' && error.message ? error.message : `${res.status} ${res.statusText || 'request failed'}`.trim();
    throw new ApiError(type, message, res.status, { ...error });
  }
  if (body === undefined) throw new ApiError('InvalidResponse', `The server sent an unreadable response for ${path}.`, res.status);
  return body as T;
}
