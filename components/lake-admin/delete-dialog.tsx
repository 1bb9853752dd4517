'use client';

import { useState } from 'react';
import { ModalDialog } from '@/components/results/modal-dialog';
import { ErrorAlert } from '../forms/error-alert';

/** Delete with the store's name typed as confirmation; says what deletion means first. */
export function DeleteDialog({ name, onDelete, onClose }: { name: string; onDelete: () => Promise<void>; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <ModalDialog
      title={`Delete ${name}?`}
      className="acc-dialog"
      onClose={onClose}
      actions={
        <button
          type="button"
          className="acc-button acc-danger"
          disabled={typed !== name || busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onDelete();
            } catch (e) {
              setError((e as Error).message);
              setBusy(false);
            }
          }}
        >
          Delete event data store
        </button>
      }
    >
      <p>
        The store is disabled at once: it takes no new events and cannot be queried. It stays <strong>pending deletion for 7 days</strong>, during which you can
        restore it with everything it held; after 7 days it and its events are removed for good. A store pending deletion still counts against the limit of 10
        stores.
      </p>
      <label>
        Type the store&apos;s name, {name}, to confirm
        <input type="text" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </label>
      <ErrorAlert message={error} />
    </ModalDialog>
  );
}
