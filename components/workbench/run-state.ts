import type { QueryStatistics, QueryStatus } from '../api/queries';
import type { RunError } from '../api/query-polling';

/**
 * starting: POST /api/queries in flight; waiting: the lake is at its concurrent-query limit and the
 * start is retried until a slot frees; running: polling; done: terminal status or rejected.
 */
export type RunPhase = 'idle' | 'starting' | 'waiting' | 'running' | 'done';

/** One tab's query run, as the status line and results show it. */
export interface QueryRunState {
  phase: RunPhase;
  queryId?: string;
  status?: QueryStatus;
  statistics?: Partial<QueryStatistics>;
  error?: RunError;
  /** Date.now() when Run was pressed, and when the run reached a terminal state. */
  startedAt?: number;
  finishedAt?: number;
  cancelling: boolean;
  /** While waiting for a slot: how many starts the lake has refused so far. */
  slotAttempts?: number;
}

export const IDLE_RUN: QueryRunState = { phase: 'idle', cancelling: false };

export function isRunActive(state: QueryRunState | undefined): boolean {
  return state?.phase === 'starting' || state?.phase === 'waiting' || state?.phase === 'running';
}

/** The lake refused a start because it already runs its maximum of concurrent queries. */
export const SLOT_BUSY = 'MaxConcurrentQueriesException';

/** Retry delay while waiting for a query slot: 1 s, growing to 5 s. */
export const slotRetryDelay = (attempt: number) => Math.min(1000 * 1.5 ** attempt, 5000);
