'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type QueryDescription, type ResultsPage } from './api';

export interface SavedRun {
  handle?: string;
  description?: QueryDescription;
  results?: ResultsPage;
  error?: string;
  running: boolean;
}

const ACTIVE = new Set(['QUEUED', 'RUNNING']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a saved query as saved: start, poll the status (250 ms backing off to 1 s), then the first page of results. */
export function useSavedRun(queryId: string) {
  const [run, setRun] = useState<SavedRun>({ running: false });
  const generation = useRef(0);

  useEffect(
    () => () => {
      generation.current++; // stop polling when the page goes away
    },
    [],
  );

  const start = useCallback(async () => {
    const mine = ++generation.current;
    const live = () => generation.current === mine;
    setRun({ running: true });
    try {
      const handle = await api.runSaved(queryId);
      setRun({ running: true, handle });
      let delay = 250;
      let d = await api.describeQuery(handle);
      while (ACTIVE.has(d.status)) {
        if (!live()) return;
        setRun({ running: true, handle, description: d });
        await sleep(delay);
        delay = Math.min(delay * 2, 1000);
        d = await api.describeQuery(handle);
      }
      if (!live()) return;
      const results = d.status === 'FINISHED' ? await api.results(handle) : undefined;
      if (live()) setRun({ running: false, handle, description: d, results, error: d.errorMessage });
    } catch (e) {
      if (live()) setRun((r) => ({ ...r, running: false, error: (e as Error).message }));
    }
  }, [queryId]);

  return { run, start };
}
