'use client';

import { useId, useState } from 'react';
import { storeKey, type EventDataStore, type StoreListError } from '../api/queries';

interface StorePickerProps {
  stores: EventDataStore[] | null; // null while loading
  loadError: string | null;
  /** Connections that could not be listed. */
  connectionErrors?: StoreListError[];
  /** storeKey() of the picked store. */
  value: string | undefined;
  onChange: (key: string) => void;
  disabled?: boolean;
}

function optionText(s: EventDataStore): string {
  const extra = [s.region, s.retentionPeriod ? `${s.retentionPeriod} days` : undefined, s.status !== 'ENABLED' ? s.status : undefined];
  const tail = extra.filter(Boolean).join(' · ');
  return `${s.name} (${s.id})${tail ? ` — ${tail}` : ''}`;
}

/** The event data store of the active tab, across connections, with its region, status and retention. */
export function StorePicker({ stores, loadError, connectionErrors, value, onChange, disabled }: StorePickerProps) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const selected = stores?.find((s) => storeKey(s) === value);
  const connections = [...new Set((stores ?? []).map((s) => s.connectionName ?? s.connectionId ?? ''))];
  const grouped = connections.length > 1;

  const copyId = async () => {
    if (!selected) return;
    try {
      await navigator.clipboard.writeText(selected.id);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access denied: the ID is visible in the picker anyway.
    }
  };

  const option = (s: EventDataStore) => (
    <option key={storeKey(s)} value={storeKey(s)}>
      {optionText(s)}
    </option>
  );

  return (
    <div className="store-picker">
      <label htmlFor={id}>Event data store</label>
      <select
        id={id}
        aria-label="Event data store"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled || !stores || stores.length === 0}
        aria-describedby={loadError || connectionErrors?.length ? `${id}-error` : undefined}
      >
        {stores === null && <option value="">Loading…</option>}
        {stores?.length === 0 && <option value="">No event data stores</option>}
        {stores && value && !selected && <option value={value}>(store not available)</option>}
        {grouped
          ? connections.map((c) => (
              <optgroup key={c} label={c}>
                {stores!.filter((s) => (s.connectionName ?? s.connectionId ?? '') === c).map(option)}
              </optgroup>
            ))
          : stores?.map(option)}
      </select>
      {selected && (
        <>
          <span className={`badge badge-store-${selected.status.toLowerCase()}`} title="Store status">
            {selected.status}
          </span>
          <button type="button" className="btn btn-small" onClick={copyId} title="Copy the store ID to the clipboard">
            {copied ? 'Copied' : 'Copy ID'}
          </button>
        </>
      )}
      {(loadError || !!connectionErrors?.length) && (
        <span id={`${id}-error`} className="inline-error" role="alert">
          {loadError
            ? `Could not load event data stores: ${loadError}`
            : `Could not list ${connectionErrors!.map((e) => `${e.connectionId} (${e.region})`).join(', ')}: ${connectionErrors![0].message}`}
        </span>
      )}
    </div>
  );
}
