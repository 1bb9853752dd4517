'use client';

import { useEffect, useState } from 'react';
import { isAbortError } from '../api/request';
import { listStores, type EventDataStore, type StoreListError } from '../api/queries';

/** The event data stores of every connection (null while loading). */
export function useStores() {
  const [stores, setStores] = useState<EventDataStore[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connectionErrors, setConnectionErrors] = useState<StoreListError[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    listStores(ctrl.signal)
      .then((r) => {
        setStores(r.stores);
        setConnectionErrors(r.errors);
      })
      .catch((err: unknown) => {
        if (isAbortError(err)) return;
        setStores([]);
        setError(err instanceof Error ? err.message : String(err));
      });
    return () => ctrl.abort();
  }, []);
  return { stores, error, connectionErrors };
}
