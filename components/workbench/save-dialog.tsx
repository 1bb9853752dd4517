'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/request';
import { api, type SavedQuery } from '../api/accounts';
import { inputOf } from '../saved-queries/query-form';
import { SubmitButton } from '../forms/submit-button';
import type { EventDataStore } from '../api/queries';
import type { ParameterSpec } from '@/lib/parameters/types';

/** What the dialog saves: the tab's title, SQL and store, and the saved query it is linked to. */
export interface SaveTarget {
  tabId: string;
  title: string;
  sql: string;
  store: EventDataStore | undefined;
  savedQueryId?: string;
  /** Its `{{name}}` parameters as set in the workbench (type; the value typed becomes the default). */
  parameters: ParameterSpec[];
}

interface Details {
  name: string;
  folder: string;
  tags: string;
  description: string;
}

/**
 * "Save query" in the workbench toolbar: a dialog (name from the tab, folder, tags, description)
 * that saves without leaving the workbench. A tab saved once is linked to its saved query, so
 * saving it again adds a version to that query; the dialog says which.
 */
export function SaveQuery({ tabId, target, onSaved }: { tabId: string; target: () => SaveTarget; onSaved: (tabId: string, q: SavedQuery) => void }) {
  const [open, setOpen] = useState<SaveTarget | null>(null);
  const [notice, setNotice] = useState<{ tabId: string; query: SavedQuery } | null>(null);

  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => setOpen(target())} title="Save this tab’s query (name, folder, tags, description)">
        Save query
      </button>
      {notice && notice.tabId === tabId && (
        <span role="status" className="save-notice">
          Saved as version {notice.query.version} of <a href={`/saved/${notice.query.id}`}>{notice.query.name}</a>
        </span>
      )}
      {open && (
        <SaveDialog
          target={open}
          onClose={() => setOpen(null)}
          onSaved={(q) => {
            setOpen(null);
            setNotice({ tabId: open.tabId, query: q });
            onSaved(open.tabId, q);
          }}
        />
      )}
    </>
  );
}

function SaveDialog({ target, onClose, onSaved }: { target: SaveTarget; onClose: () => void; onSaved: (q: SavedQuery) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // undefined while the linked query loads; null when there is none (or it can no longer be changed)
  const [linked, setLinked] = useState<SavedQuery | null | undefined>(target.savedQueryId ? undefined : null);
  const [unlinkedWhy, setUnlinkedWhy] = useState('');
  const [details, setDetails] = useState<Details>({ name: target.title, folder: '', tags: '', description: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    if (!target.savedQueryId) return;
    let live = true;
    api.getSaved(target.savedQueryId).then(
      (q) => {
        if (!live) return;
        if (q.access === 'viewer') {
          setUnlinkedWhy(`“${q.name}” is shared with you read-only, so this saves a new query.`);
          return setLinked(null);
        }
        setLinked(q);
        setDetails({ name: q.name, folder: q.folder, tags: q.tags.join(', '), description: q.description });
      },
      (e: unknown) => {
        if (!live) return;
        setUnlinkedWhy(e instanceof ApiError && e.status === 404 ? 'The query this tab was saved as is gone, so this saves a new one.' : (e as Error).message);
        setLinked(null);
      },
    );
    return () => {
      live = false;
    };
  }, [target.savedQueryId]);

  const set = (patch: Partial<Details>) => setDetails((d) => ({ ...d, ...patch }));

  async function save() {
    setBusy(true);
    setError('');
    const input = {
      ...inputOf({ ...details, sql: target.sql, storeId: target.store?.id ?? null, connectionId: target.store?.connectionId ?? null }),
      parameters: target.parameters,
    };
    try {
      onSaved(linked ? await api.updateSaved(linked.id, input) : await api.createSaved(input));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="lint-dialog save-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{linked ? 'Save a new version' : 'Save query'}</h2>
      {linked === undefined ? (
        <p className="muted">Loading the saved query…</p>
      ) : (
        <form
          className="save-form"
          aria-label="Save query"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && details.name.trim() && target.sql.trim()) void save();
          }}
        >
          {linked ? (
            <p className="muted">
              This tab is saved as “{linked.name}”: saving adds version {linked.version + 1}; earlier versions stay in its history.
            </p>
          ) : (
            unlinkedWhy && <p className="muted">{unlinkedWhy}</p>
          )}
          <label>
            Name
            <input type="text" required maxLength={200} value={details.name} onChange={(e) => set({ name: e.target.value })} autoFocus />
          </label>
          <label>
            Folder
            <input type="text" maxLength={200} value={details.folder} onChange={(e) => set({ folder: e.target.value })} />
          </label>
          <label>
            Tags (comma-separated)
            <input type="text" value={details.tags} onChange={(e) => set({ tags: e.target.value })} />
          </label>
          <label>
            Description
            <textarea rows={3} maxLength={5000} value={details.description} onChange={(e) => set({ description: e.target.value })} />
          </label>
          {!target.sql.trim() && <p className="muted">The tab has no SQL to save.</p>}
          {error && (
            <p role="alert" className="save-error">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <SubmitButton className="btn btn-primary" disabled={busy || !details.name.trim() || !target.sql.trim()}>
              {linked ? `Save version ${linked.version + 1}` : 'Save'}
            </SubmitButton>
          </div>
        </form>
      )}
    </dialog>
  );
}
