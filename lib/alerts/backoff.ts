/**
 * Delay before the next attempt of a failed delivery: base × 2^(attempts − 1), capped at an hour;
 * a receiver's Retry-After (seconds) is honoured when longer.
 */
export const MAX_BACKOFF_MS = 3_600_000;

export function backoffMs(attempts: number, baseMs: number, retryAfterSeconds?: number): number {
  const exp = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  const asked = retryAfterSeconds && Number.isFinite(retryAfterSeconds) ? Math.min(MAX_BACKOFF_MS, retryAfterSeconds * 1000) : 0;
  return Math.max(exp, asked);
}

/** 5xx, 408, 429 and network errors may pass; other 4xx answers (bad URL, revoked webhook) will not. */
export function isRetryable(status: number | undefined): boolean {
  return status === undefined || status >= 500 || status === 408 || status === 429;
}
