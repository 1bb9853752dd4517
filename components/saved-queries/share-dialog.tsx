'use client';

import { useEffect, useRef, useState } from 'react';
import { api, type ShareRole, type Shares } from '../api/accounts';
import { ErrorAlert } from '../forms/error-alert';

const EVERYONE = [
  { value: '', label: 'Not shared with everyone' },
  { value: 'viewer', label: 'Everyone can view' },
  { value: 'editor', label: 'Everyone can edit' },
] as const;

/**
 * Who may open the query besides its owner: everyone signed in, or named people (by email), each
 * as viewer or editor. Also the link that opens (not runs) the query for anyone allowed to see it.
 */
export function ShareDialog({
  queryId,
  queryName,
  onClose,
  onSaved,
}: {
  queryId: string;
  queryName: string;
  onClose: () => void;
  onSaved: (s: Shares) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [shares, setShares] = useState<Shares | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ShareRole>('viewer');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const link = typeof window === 'undefined' ? '' : `${window.location.origin}/saved/${queryId}`;

  useEffect(() => {
    ref.current?.showModal();
    api.getShares(queryId).then(setShares, (e: unknown) => setError((e as Error).message));
  }, [queryId]);

  if (!shares) {
    return (
      <dialog ref={ref} className="acc-dialog" aria-label={`Share ${queryName}`} onClose={onClose}>
        {error ? (
          <p role="alert" className="acc-error">
            {error}
          </p>
        ) : (
          <p className="acc-muted">Loading…</p>
        )}
        <button type="button" className="acc-button acc-secondary" onClick={onClose}>
          Close
        </button>
      </dialog>
    );
  }

  function addPerson() {
    const e = email.trim().toLowerCase();
    if (!e || !shares) return;
    setShares({ ...shares, users: [...shares.users.filter((u) => u.email !== e), { email: e, role }] });
    setEmail('');
  }

  async function save() {
    if (!shares) return;
    setBusy(true);
    setError('');
    try {
      onSaved(await api.setShares(queryId, shares));
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <dialog ref={ref} className="acc-dialog" aria-labelledby="share-heading" onClose={onClose}>
      <h2 id="share-heading">Share “{queryName}”</h2>
      <div className="acc-row">
        <label className="acc-grow">
          Share link
          <input type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" className="acc-button acc-secondary" onClick={() => void copy()}>
          Copy share link
        </button>
        {copied && <span role="status">Copied.</span>}
      </div>
      <p className="acc-muted">The link opens the query (it does not run it) for people it is shared with.</p>
      <label>
        Everyone signed in
        <select
          aria-label="Everyone signed in"
          value={shares.everyoneRole ?? ''}
          onChange={(e) => setShares({ ...shares, everyoneRole: (e.target.value || null) as ShareRole | null })}
        >
          {EVERYONE.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <h3>People</h3>
      {shares.users.length === 0 ? (
        <p className="acc-muted">Not shared with anyone by name.</p>
      ) : (
        <ul className="acc-share-list" aria-label="People with access">
          {shares.users.map((u) => (
            <li key={u.email}>
              <span className="acc-grow">{u.email}</span>
              <select
                aria-label={`Role of ${u.email}`}
                value={u.role}
                onChange={(e) =>
                  setShares({ ...shares, users: shares.users.map((x) => (x.email === u.email ? { ...x, role: e.target.value as ShareRole } : x)) })
                }
              >
                <option value="viewer">Viewer</option>
                <option value="editor">Editor</option>
              </select>
              <button
                type="button"
                className="acc-button acc-secondary"
                onClick={() => setShares({ ...shares, users: shares.users.filter((x) => x.email !== u.email) })}
              >
                Remove {u.email}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="acc-row">
        <label className="acc-grow">
          Person’s email
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addPerson();
              }
            }}
          />
        </label>
        <label>
          Role
          <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as ShareRole)}>
            <option value="viewer">Viewer</option>
            <option value="editor">Editor</option>
          </select>
        </label>
        <button type="button" className="acc-button acc-secondary" onClick={addPerson} disabled={!email.trim()}>
          Add person
        </button>
      </div>
      <ErrorAlert message={error} />
      <div className="acc-row acc-dialog-actions">
        <button type="button" className="acc-button" onClick={() => void save()} disabled={busy}>
          Save sharing
        </button>
        <button type="button" className="acc-button acc-secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
