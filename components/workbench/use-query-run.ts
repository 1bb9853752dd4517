'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ApiError,
  cancelQuery,
  describeQuery,
  isAbortError,
  isActiveStatus,
  startQuery,
  type QueryStatistics,
  type QueryStatus,
} from './api-client';

/** starting: POST /api/queries in flight; running: polling; done: terminal status or rejected. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'done';

export interface RunError {
  /** Short heading, also the alert's accessible name ("Query rejected", "Query failed", ...). */
  title: string;
  type?: string;
  message: string;
}

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

const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 1000;
const MAX_CONSECUTIVE_POLL_ERRORS = 3;

const IDLE: QueryRunState = { phase: 'idle', cancelling: false };

/**
 * Starts a query, polls its status with back-off (250 ms -> 1 s) until it leaves QUEUED/RUNNING,
 * and cancels it on request. One query at a time; a new run is ignored while one is active.
 */
export function useQueryRun() {
  const [state, setState] = useState<QueryRunState>(IDLE);
  const abortRef = useRef<AbortController | null>(null);
  const queryIdRef = useRef<string | undefined>(undefined);
  const cancelRequestedRef = useRef(false);
  const wakeRef = useRef<(() => void) | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const requestCancel = useCallback(async (queryId: string) => {
    try {
      const res = await cancelQuery(queryId);
      if (queryIdRef.current !== queryId) return;
      setState((s) => (s.queryId === queryId && s.phase === 'running' ? { ...s, status: res.status ?? s.status } : s));
    } catch (err) {
      if (queryIdRef.current !== queryId) return;
      // The query may have finished in the meantime; the next poll reports the real outcome.
      if (!(err instanceof ApiError && err.type === 'InactiveQueryException')) {
        const message = err instanceof Error ? err.message : String(err);
        setState((s) =>
          s.queryId === queryId
            ? { ...s, cancelling: false, error: { title: 'Cancel failed', type: (err as ApiError).type, message } }
            : s,
        );
      }
    } finally {
      wakeRef.current?.(); // poll right away rather than after the back-off delay
    }
  }, []);

  const run = useCallback(
    async (sql: string, storeId: string | undefined) => {
      if (abortRef.current && !abortRef.current.signal.aborted) return; // a query is active
      const ctrl = new AbortController();
      abortRef.current = ctrl;
      queryIdRef.current = undefined;
      cancelRequestedRef.current = false;
      const startedAt = Date.now();
      setState({ phase: 'starting', startedAt, cancelling: false });

      const finish = (patch: Partial<QueryRunState>) => {
        if (abortRef.current === ctrl) abortRef.current = null;
        setState((s) => ({ ...s, ...patch, phase: 'done', cancelling: false, finishedAt: Date.now() }));
      };

      let queryId: string;
      try {
        queryId = await startQuery(sql, storeId, ctrl.signal);
      } catch (err) {
        if (isAbortError(err)) return;
        finish({ error: toRunError('Query rejected', err) });
        return;
      }
      queryIdRef.current = queryId;
      setState((s) => ({ ...s, phase: 'running', queryId, status: 'QUEUED' }));
      if (cancelRequestedRef.current) void requestCancel(queryId);

      let delay = FIRST_POLL_MS;
      let failures = 0;
      for (;;) {
        try {
          await sleep(delay, ctrl.signal, wakeRef);
          delay = Math.min(MAX_POLL_MS, Math.round(delay * 1.5));
          const d = await describeQuery(queryId, ctrl.signal);
          failures = 0;
          if (isActiveStatus(d.status)) {
            setState((s) => ({ ...s, status: d.status, statistics: d.statistics ?? s.statistics }));
            continue;
          }
          finish({ status: d.status, statistics: d.statistics, error: terminalError(d.status, d.errorMessage) });
          return;
        } catch (err) {
          if (isAbortError(err)) return;
          const transient = err instanceof ApiError && (err.status === 0 || err.status >= 500);
          if (transient && ++failures < MAX_CONSECUTIVE_POLL_ERRORS) continue;
          finish({ error: toRunError('Lost track of the query', err) });
          return;
        }
      }
    },
    [requestCancel],
  );

  const cancel = useCallback(() => {
    if (!abortRef.current) return;
    cancelRequestedRef.current = true;
    setState((s) => ({ ...s, cancelling: true }));
    if (queryIdRef.current) void requestCancel(queryIdRef.current);
  }, [requestCancel]);

  const active = state.phase === 'starting' || state.phase === 'running';
  return { state, active, run, cancel };
}

function terminalError(status: QueryStatus, errorMessage: string | undefined): RunError | undefined {
  if (status === 'FAILED') return { title: 'Query failed', message: errorMessage || 'The query failed.' };
  if (status === 'TIMED_OUT')
    return { title: 'Query timed out', message: errorMessage || 'The query ran longer than the time limit.' };
  return undefined;
}

function toRunError(title: string, err: unknown): RunError {
  if (err instanceof ApiError) return { title, type: err.type, message: err.message };
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
