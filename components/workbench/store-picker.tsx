'use client';

import { useId, useState } from 'react';
import type { EventDataStore } from './api-client';

interface StorePickerProps {
  stores: EventDataStore[] | null; // null while loading
  loadError: string | null;
  value: string | undefined;
  onChange: (storeId: string) => void;
  disabled?: boolean;
}

export function StorePicker({ stores, loadError, value, onChange, disabled }: StorePickerProps) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const selected = stores?.find((s) => s.id === value);

  const copyId = async () => {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access denied: the ID is visible in the picker anyway.
    }
  };

  return (
    <div className="store-picker">
      <label htmlFor={id}>Event data store</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled || !stores || stores.length === 0}
        aria-describedby={loadError ? `${id}-error` : undefined}
      >
        {stores === null && <option value="">Loading…</option>}
        {stores?.length === 0 && <option value="">No event data stores</option>}
        {stores?.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.id})
          </option>
        ))}
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
      {loadError && (
        <span id={`${id}-error`} className="inline-error" role="alert">
          Could not load event data stores: {loadError}
        </span>
      )}
    </div>
  );
}
