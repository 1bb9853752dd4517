'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { estimateQuery, type CostEstimate, type EventDataStore } from '../api/queries';
import { isAbortError } from '../api/request';

export type EstimateState = { state: 'idle' } | { state: 'loading' } | { state: 'done'; estimate: CostEstimate } | { state: 'error'; message: string };

const DEBOUNCE_MS = 500;

/**
 * What the active tab's SQL would scan and cost, re-estimated shortly after each edit, on a tab
 * switch and on a store change (POST /api/estimate; exact on the built-in lake).
 */
export function useCostEstimate(tabId: string | undefined, store: EventDataStore | undefined, sqlOf: (tabId: string) => string) {
  const [estimate, setEstimate] = useState<EstimateState>({ state: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ctrl = useRef<AbortController | null>(null);
  const storeRef = useRef(store);
  useEffect(() => {
    storeRef.current = store;
  });

  const run = useCallback((sql: string) => {
    ctrl.current?.abort();
    if (!sql.trim()) return setEstimate({ state: 'idle' });
    const c = new AbortController();
    ctrl.current = c;
    setEstimate({ state: 'loading' });
    estimateQuery(sql, storeRef.current, c.signal)
      .then((e) => setEstimate({ state: 'done', estimate: e }))
      .catch((err: unknown) => {
        if (!isAbortError(err)) setEstimate({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      });
  }, []);

  const schedule = useCallback(
    (sql: string) => {
      clearTimeout(timer.current);
      // An estimate of older text is never shown; after the first keystroke this is a no-op render.
      ctrl.current?.abort();
      setEstimate((s) => (s.state === 'loading' ? s : { state: 'loading' }));
      timer.current = setTimeout(() => run(sql), DEBOUNCE_MS);
    },
    [run],
  );

  const storeId = store?.id;
  useEffect(() => {
    if (tabId && storeId) schedule(sqlOf(tabId));
  }, [tabId, storeId, schedule, sqlOf]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      ctrl.current?.abort();
    },
    [],
  );

  return { estimate, schedule };
}
