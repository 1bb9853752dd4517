'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/accounts';
import { getQueryResults, type QueryDescription, type ResultsPage } from '../api/queries';
import { pollUntilDone } from '../api/query-polling';

export interface SavedRun {
  handle?: string;
  description?: QueryDescription;
  results?: ResultsPage;
  error?: string;
  running: boolean;
}

/** Runs a saved query as saved: start, poll the status to its end, then the first page of results. */
export function useSavedRun(queryId: string) {
  const [run, setRun] = useState<SavedRun>({ running: false });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []); // stop polling when the page goes away

  const start = useCallback(async () => {
    current.current?.abort();
    const ctrl = new AbortController();
    current.current = ctrl;
    setRun({ running: true });
    try {
      const handle = await api.runSaved(queryId);
      if (ctrl.signal.aborted) return;
      setRun({ running: true, handle });
      const outcome = await pollUntilDone(handle, ctrl.signal, (d) => setRun({ running: true, handle, description: d }), { current: null }, 0);
      if (outcome.kind === 'aborted') return;
      if (outcome.kind === 'lost') return setRun((r) => ({ ...r, running: false, error: outcome.error.message }));
      const d = outcome.description;
      const results = d.status === 'FINISHED' ? await getQueryResults(handle, { maxResults: 100 }, ctrl.signal) : undefined;
      if (!ctrl.signal.aborted) setRun({ running: false, handle, description: d, results, error: d.errorMessage });
    } catch (e) {
      if (!ctrl.signal.aborted) setRun((r) => ({ ...r, running: false, error: (e as Error).message }));
    }
  }, [queryId]);

  return { run, start };
}
