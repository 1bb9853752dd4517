'use client';

import { useEffect, useState } from 'react';
import { cancelQuery, getQueryResults, startQuery, type EventDataStore } from '../api/queries';
import { isAbortError } from '../api/request';
import { pollUntilDone, terminalError, toRunError } from '../api/query-polling';

export type EventDetail =
  | { state: 'loading' }
  | { state: 'found'; columns: string[]; row: (string | null)[] }
  | { state: 'missing' }
  | { state: 'error'; title: string; message: string };

/**
 * Runs a follow-up query (start, poll, first row) through the workbench API. Closing before it
 * ends cancels it on the server: a lookup nobody waits for must not keep scanning.
 */
export function useEventDetail(sql: string, store: Pick<EventDataStore, 'id' | 'connectionId' | 'region'>): EventDetail {
  const [detail, setDetail] = useState<EventDetail>({ state: 'loading' });
  const { id, connectionId, region } = store;

  useEffect(() => {
    const ctrl = new AbortController();
    let queryId: string | undefined;
    let settled = false;
    setDetail({ state: 'loading' });
    (async () => {
      queryId = await startQuery(sql, { id, connectionId, region });
      if (ctrl.signal.aborted) return;
      const outcome = await pollUntilDone(queryId, ctrl.signal, () => undefined, { current: null });
      if (outcome.kind === 'aborted') return;
      settled = true;
      if (outcome.kind === 'lost') return setDetail({ state: 'error', ...outcome.error });
      const d = outcome.description;
      if (d.status !== 'FINISHED') {
        const err = terminalError(d.status, d.errorMessage) ?? { title: 'Lookup stopped', message: `The lookup query ended ${d.status}.` };
        return setDetail({ state: 'error', ...err });
      }
      const page = await getQueryResults(queryId, { maxResults: 1 }, ctrl.signal);
      setDetail(page.rows.length ? { state: 'found', columns: page.columns, row: page.rows[0] } : { state: 'missing' });
    })().catch((err: unknown) => {
      settled = true;
      if (!isAbortError(err)) setDetail({ state: 'error', ...toRunError('Could not load the event', err) });
    });
    return () => {
      ctrl.abort();
      if (queryId && !settled) void cancelQuery(queryId).catch(() => undefined);
    };
  }, [sql, id, connectionId, region]);

  return detail;
}
