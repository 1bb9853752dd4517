'use client';

import { useEffect, useState } from 'react';
import { listStores, storeKey, type EventDataStore } from '../api/queries';

export interface StoreChoice {
  storeId: string | null;
  connectionId: string | null;
}

/** The saved query's default store, picked from every connection's stores (or none). */
export function StoreSelect({
  value,
  onChange,
  disabled,
  label = 'Default store',
  noneLabel = 'No default store',
}: {
  value: StoreChoice;
  onChange: (v: StoreChoice) => void;
  disabled?: boolean;
  label?: string;
  noneLabel?: string;
}) {
  const [stores, setStores] = useState<EventDataStore[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    listStores().then(
      (s) => live && setStores(s.stores),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, []);

  // Saved queries keep a store and connection (no region): the first store listed that fits is the one.
  const match = value.storeId ? stores.find((s) => s.id === value.storeId && (!value.connectionId || s.connectionId === value.connectionId)) : undefined;
  const selected = match ? storeKey(match) : value.storeId ? 'unlisted' : '';

  return (
    <label>
      {label}
      {/* aria-label: a select named by its wrapping label would have the chosen option in its name */}
      <select
        aria-label={label}
        value={selected}
        disabled={disabled}
        onChange={(e) => {
          if (e.target.value === 'unlisted') return;
          const s = stores.find((x) => storeKey(x) === e.target.value);
          onChange(s ? { storeId: s.id, connectionId: s.connectionId ?? null } : { storeId: null, connectionId: null });
        }}
      >
        <option value="">{noneLabel}</option>
        {stores.map((s) => (
          <option key={storeKey(s)} value={storeKey(s)}>
            {s.name} ({s.id}){s.connectionName ? ` — ${s.connectionName}${s.region ? `, ${s.region}` : ''}` : ''}
          </option>
        ))}
        {value.storeId && !match && <option value="unlisted">Unlisted store ({value.storeId})</option>}
      </select>
      {error && (
        <span role="alert" className="acc-error">
          Stores could not be listed: {error}
        </span>
      )}
    </label>
  );
}
