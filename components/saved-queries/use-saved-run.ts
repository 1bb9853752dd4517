'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/accounts';
import { getQueryResults, type QueryDescription, type ResultsPage } from '../api/queries';
import { pollUntilDone, toRunError } from '../api/query-polling';
import type { ParameterProblem } from '@/lib/parameters/types';

export interface SavedRun {
  handle?: string;
  description?: QueryDescription;
  results?: ResultsPage;
  error?: string;
  /** What the server found wrong with which parameter value (nothing ran). */
  problems?: ParameterProblem[];
  running: boolean;
}

/** Runs a saved query as saved, with values for its parameters: start, poll the status to its end, then the first page of results. */
export function useSavedRun(queryId: string) {
  const [run, setRun] = useState<SavedRun>({ running: false });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []); // stop polling when the page goes away

  const start = useCallback(
    async (values: Record<string, string> = {}) => {
      current.current?.abort();
      const ctrl = new AbortController();
      current.current = ctrl;
      setRun({ running: true });
      try {
        const handle = await api.runSaved(queryId, values);
        if (ctrl.signal.aborted) return;
        setRun({ running: true, handle });
        const outcome = await pollUntilDone(handle, ctrl.signal, (d) => setRun({ running: true, handle, description: d }), { current: null }, 0);
        if (outcome.kind === 'aborted') return;
        if (outcome.kind === 'lost') return setRun((r) => ({ ...r, running: false, error: outcome.error.message }));
        const d = outcome.description;
        const results = d.status === 'FINISHED' ? await getQueryResults(handle, { maxResults: 100 }, ctrl.signal) : undefined;
        if (!ctrl.signal.aborted) setRun({ running: false, handle, description: d, results, error: d.errorMessage });
      } catch (e) {
        if (ctrl.signal.aborted) return;
        const { message, problems } = toRunError('Query rejected', e);
        setRun((r) => ({ ...r, running: false, error: message, problems }));
      }
    },
    [queryId],
  );

  return { run, start };
}
