import type { QueryStatistics, QueryStatus } from './api-client';

/** starting: POST /api/queries in flight; running: polling; done: terminal status or rejected. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'done';

export interface RunError {
  /** Short heading, also the alert's accessible name ("Query rejected", "Query failed", ...). */
  title: string;
  type?: string;
  message: string;
}

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
}

export const IDLE_RUN: QueryRunState = { phase: 'idle', cancelling: false };

export function isRunActive(state: QueryRunState | undefined): boolean {
  return state?.phase === 'starting' || state?.phase === 'running';
}
