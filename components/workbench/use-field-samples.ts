'use client';

import { useEffect, useState } from 'react';
import { getFieldSamples, storeKey, type EventDataStore, type FieldSamples } from '../api/queries';
import { isAbortError } from '../api/request';

/** Frequent values and map keys of the picked store, when the server can sample them (null otherwise). */
export function useFieldSamples(store: EventDataStore | undefined): FieldSamples | null {
  const [samples, setSamples] = useState<{ key: string; value: FieldSamples | null } | null>(null);
  const key = store ? storeKey(store) : '';
  const storeRef = store && { id: store.id, connectionId: store.connectionId, region: store.region };
  useEffect(() => {
    if (!storeRef) return;
    const ctrl = new AbortController();
    getFieldSamples(storeRef, ctrl.signal)
      .then((value) => setSamples({ key, value }))
      .catch((err: unknown) => {
        if (!isAbortError(err)) setSamples({ key, value: null });
      });
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key identifies the store
  }, [key]);
  return samples?.key === key ? samples.value : null;
}
