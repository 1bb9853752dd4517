import type { ParameterProblem } from '@/lib/parameters/types';
import { describeQuery, isActiveStatus, type QueryDescription, type QueryStatus } from './queries';
import { ApiError, isAbortError } from './request';

// The one poller of a query's status in the browser: the workbench's tabs, event lookups and
// saved-query runs all wait for a query's end through pollUntilDone.

/** Why a run did not give results, as the page shows it. */
export interface RunError {
  /** Short heading, also the alert's accessible name ("Query rejected", "Query failed", ...). */
  title: string;
  type?: string;
  message: string;
  /** A ParameterInvalid refusal: what is wrong with which parameter, shown by its field. */
  problems?: ParameterProblem[];
}

const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 1000;
const MAX_CONSECUTIVE_POLL_ERRORS = 3;

export type PollOutcome = { kind: 'terminal'; description: QueryDescription } | { kind: 'lost'; error: RunError } | { kind: 'aborted' };

/**
 * Polls GET /api/queries/{id} with back-off (250 ms → 1 s) until the status leaves QUEUED/RUNNING.
 * `onActive` sees every intermediate description; `wake` (when set by the caller) polls at once.
 */
export async function pollUntilDone(
  queryId: string,
  signal: AbortSignal,
  onActive: (d: QueryDescription) => void,
  wakeRef: { current: (() => void) | null },
  firstDelay = FIRST_POLL_MS,
): Promise<PollOutcome> {
  let delay = firstDelay;
  let failures = 0;
  for (;;) {
    try {
      await sleep(delay, signal, wakeRef);
      delay = Math.min(MAX_POLL_MS, Math.round(Math.max(delay, FIRST_POLL_MS) * 1.5));
      const d = await describeQuery(queryId, signal);
      failures = 0;
      if (!isActiveStatus(d.status)) return { kind: 'terminal', description: d };
      onActive(d);
    } catch (err) {
      if (isAbortError(err)) return { kind: 'aborted' };
      const transient = err instanceof ApiError && (err.status === 0 || err.status >= 500);
      if (transient && ++failures < MAX_CONSECUTIVE_POLL_ERRORS) continue;
      return { kind: 'lost', error: toRunError('Lost track of the query', err) };
    }
  }
}

export function terminalError(status: QueryStatus, errorMessage: string | undefined): RunError | undefined {
  if (status === 'FAILED') return { title: 'Query failed', message: errorMessage || 'The query failed.' };
  if (status === 'TIMED_OUT') return { title: 'Query timed out', message: errorMessage || 'The query ran longer than the time limit.' };
  // a plain CANCELLED needs no explanation; one Trailbench cancelled (over its budget) says why
  if (status === 'CANCELLED' && errorMessage) return { title: 'Query cancelled', message: errorMessage };
  return undefined;
}

export function toRunError(title: string, err: unknown): RunError {
  if (err instanceof ApiError) {
    const problems = Array.isArray(err.detail.problems) ? (err.detail.problems as ParameterProblem[]) : undefined;
    return { title, type: err.type, message: err.message, ...(problems ? { problems } : {}) };
  }
  return { title, message: err instanceof Error ? err.message : String(err) };
}

/** Resolves after `ms`, or at once when woken through `wakeRef`; rejects with AbortError on abort. */
function sleep(ms: number, signal: AbortSignal, wakeRef: { current: (() => void) | null }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const cleanup = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (wakeRef.current === wake) wakeRef.current = null;
    };
    const wake = () => {
      cleanup();
      resolve();
    };
    const onAbort = () => {
      cleanup();
      reject(new DOMException('Aborted', 'AbortError'));
    };
    const timer = setTimeout(wake, ms);
    wakeRef.current = wake;
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
