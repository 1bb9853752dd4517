'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbortError } from '../../api/request';
import { cancelQuery, describeQuery, isActiveStatus, startQuery, type EventDataStore, type RunParameters } from '../../api/queries';
import { pollUntilDone, terminalError, toRunError } from '../../api/query-polling';
import { IDLE_RUN, SLOT_BUSY, isRunActive, slotRetryDelay, type QueryRunState } from '../run-state';

interface Tracker {
  ctrl: AbortController;
  queryId?: string;
  cancelRequested: boolean;
  wake: { current: (() => void) | null };
}

/**
 * One query run per tab: start (POST /api/queries, then poll), re-attach to a query ID after a
 * reload, cancel, and discard (a closed tab's running query is cancelled on the server).
 * `onQueryId` tells the tab which query it now shows, so the ID can be saved.
 */
export function useTabRuns(onQueryId: (tabId: string, queryId: string) => void) {
  const [runs, setRuns] = useState<Record<string, QueryRunState>>({});
  const trackers = useRef(new Map<string, Tracker>());
  const onQueryIdRef = useRef(onQueryId);
  useEffect(() => {
    onQueryIdRef.current = onQueryId;
  });
  useEffect(() => {
    const map = trackers.current;
    return () => map.forEach((t) => t.ctrl.abort());
  }, []);

  const patch = useCallback((tabId: string, p: Partial<QueryRunState> | ((s: QueryRunState) => QueryRunState)) => {
    setRuns((all) => {
      const cur = all[tabId] ?? IDLE_RUN;
      return { ...all, [tabId]: typeof p === 'function' ? p(cur) : { ...cur, ...p } };
    });
  }, []);

  const requestCancel = useCallback(
    async (tabId: string, tracker: Tracker, queryId: string) => {
      try {
        const res = await cancelQuery(queryId);
        if (trackers.current.get(tabId) !== tracker) return;
        patch(tabId, (s) => (s.queryId === queryId && s.phase === 'running' ? { ...s, status: res.status ?? s.status } : s));
      } catch (err) {
        if (trackers.current.get(tabId) !== tracker) return;
        // The query may have finished meanwhile; the next poll reports the real outcome.
        if (!(err instanceof ApiError && err.type === 'InactiveQueryException')) {
          patch(tabId, { cancelling: false, error: toRunError('Cancel failed', err) });
        }
      } finally {
        tracker.wake.current?.();
      }
    },
    [patch],
  );

  /** Polls a known query until it ends, updating the tab's run. */
  const follow = useCallback(
    async (tabId: string, tracker: Tracker, queryId: string, firstDelay?: number) => {
      const finish = (p: Partial<QueryRunState>) => {
        if (trackers.current.get(tabId) === tracker) trackers.current.delete(tabId);
        patch(tabId, (s) => ({ ...s, ...p, phase: 'done', cancelling: false, finishedAt: Date.now() }));
      };
      const outcome = await pollUntilDone(
        queryId,
        tracker.ctrl.signal,
        (d) => patch(tabId, (s) => ({ ...s, status: d.status, statistics: d.statistics ?? s.statistics })),
        tracker.wake,
        firstDelay,
      );
      if (outcome.kind === 'aborted') return;
      if (outcome.kind === 'lost') return finish({ error: outcome.error });
      const d = outcome.description;
      finish({ status: d.status, statistics: d.statistics, error: terminalError(d.status, d.errorMessage) });
    },
    [patch],
  );

  const start = useCallback(
    async (tabId: string, sql: string, store: EventDataStore | undefined, budgetUsd?: number, parameters?: RunParameters) => {
      if (trackers.current.has(tabId)) return; // this tab's query is still running
      const tracker: Tracker = { ctrl: new AbortController(), cancelRequested: false, wake: { current: null } };
      trackers.current.set(tabId, tracker);
      patch(tabId, () => ({ phase: 'starting', startedAt: Date.now(), cancelling: false }));

      let queryId: string;
      for (let attempt = 0; ; attempt++) {
        try {
          // Not aborted with the tab: a query the server started must be learned, to be cancelled.
          queryId = await startQuery(sql, store, undefined, budgetUsd, parameters);
          break;
        } catch (err) {
          if (trackers.current.get(tabId) !== tracker) return; // the tab was closed meanwhile
          if (err instanceof ApiError && err.type === SLOT_BUSY && !tracker.cancelRequested) {
            // The lake is at its concurrent-query limit: wait in line instead of failing.
            patch(tabId, (s) => ({ ...s, phase: 'waiting', slotAttempts: attempt + 1 }));
            if (await waitForRetry(tracker, slotRetryDelay(attempt))) continue;
          }
          trackers.current.delete(tabId);
          const cancelled = tracker.cancelRequested && err instanceof ApiError && err.type === SLOT_BUSY;
          patch(tabId, (s) => ({
            ...s,
            phase: 'done',
            cancelling: false,
            finishedAt: Date.now(),
            ...(cancelled ? { status: 'CANCELLED' as const } : { error: toRunError('Query rejected', err) }),
          }));
          return;
        }
      }
      tracker.queryId = queryId;
      if (trackers.current.get(tabId) !== tracker) {
        void cancelQuery(queryId).catch(() => undefined); // the tab was closed while the query was starting
        return;
      }
      onQueryIdRef.current(tabId, queryId);
      patch(tabId, { phase: 'running', queryId, status: 'QUEUED' });
      if (tracker.cancelRequested) void requestCancel(tabId, tracker, queryId);
      await follow(tabId, tracker, queryId);
    },
    [follow, patch, requestCancel],
  );

  /** After a reload: shows the tab's last query (still running, finished, or gone). */
  const attach = useCallback(
    async (tabId: string, queryId: string) => {
      if (trackers.current.has(tabId)) return;
      const tracker: Tracker = { ctrl: new AbortController(), queryId, cancelRequested: false, wake: { current: null } };
      trackers.current.set(tabId, tracker);
      try {
        const d = await describeQuery(queryId, tracker.ctrl.signal);
        if (isActiveStatus(d.status)) {
          patch(tabId, () => ({ phase: 'running', queryId, status: d.status, statistics: d.statistics, startedAt: Date.now(), cancelling: false }));
          await follow(tabId, tracker, queryId);
          return;
        }
        trackers.current.delete(tabId);
        patch(tabId, () => ({
          phase: 'done',
          queryId,
          status: d.status,
          statistics: d.statistics,
          error: terminalError(d.status, d.errorMessage),
          cancelling: false,
        }));
      } catch (err) {
        if (isAbortError(err)) return;
        trackers.current.delete(tabId);
        patch(tabId, () => ({ phase: 'idle', cancelling: false, error: toRunError('Earlier result unavailable', err) }));
      }
    },
    [follow, patch],
  );

  const cancel = useCallback(
    (tabId: string) => {
      const tracker = trackers.current.get(tabId);
      if (!tracker) return;
      tracker.cancelRequested = true;
      patch(tabId, { cancelling: true });
      if (tracker.queryId) void requestCancel(tabId, tracker, tracker.queryId);
      else tracker.wake.current?.(); // stops waiting for a query slot
    },
    [patch, requestCancel],
  );

  /** A tab is closing: stop following it and cancel its query on the server if it is still running. */
  const discard = useCallback((tabId: string) => {
    const tracker = trackers.current.get(tabId);
    trackers.current.delete(tabId);
    if (tracker) {
      tracker.ctrl.abort();
      if (tracker.queryId) void cancelQuery(tracker.queryId).catch(() => undefined);
    }
    setRuns((all) => {
      const { [tabId]: _gone, ...rest } = all;
      return rest;
    });
  }, []);

  return { runs, start, attach, cancel, discard, isActive: (tabId: string) => isRunActive(runs[tabId]) };
}

/** Waits before the next start attempt; false when the wait was cut short by Cancel or closing the tab. */
function waitForRetry(tracker: Tracker, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (retry: boolean) => {
      clearTimeout(timer);
      tracker.wake.current = null;
      tracker.ctrl.signal.removeEventListener('abort', onAbort);
      resolve(retry);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(!tracker.cancelRequested), ms);
    tracker.wake.current = () => done(false);
    tracker.ctrl.signal.addEventListener('abort', onAbort);
  });
}
