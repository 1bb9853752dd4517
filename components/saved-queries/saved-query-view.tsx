'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/request';
import { api, type Me, type SavedQuery, type SavedQueryVersion, type Shares } from '../api/accounts';
import { formatWhen } from '../format';
import { EMPTY_FIELDS, fieldsOf, fieldsOfVersion, inputOf, QueryForm, sameFields, type QueryFields } from './query-form';
import { RunPanel } from './run-panel';
import { ShareDialog } from './share-dialog';
import { VersionsPanel } from './versions-panel';
import { SavedQueryAlerts } from '../alerts/saved-query-alerts';
import { ErrorAlert } from '../forms/error-alert';

function sharingSummary(s: Shares | null): string {
  if (!s) return '';
  const parts = [];
  if (s.everyoneRole) parts.push(`everyone can ${s.everyoneRole === 'editor' ? 'edit' : 'view'}`);
  if (s.users.length) parts.push(`shared with ${s.users.map((u) => `${u.email} (${u.role})`).join(', ')}`);
  return parts.length ? parts.join('; ') : 'private';
}

/** One saved query: its fields (editable by owner and editors), Run, Share (owner), versions and diffs. */
export function SavedQueryView({ id, me }: { id: string; me: Me }) {
  const [query, setQuery] = useState<SavedQuery | null>(null);
  const [fields, setFields] = useState<QueryFields>(EMPTY_FIELDS);
  const [versions, setVersions] = useState<SavedQueryVersion[] | null>(null);
  const [shares, setShares] = useState<Shares | null>(null);
  const [notFound, setNotFound] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [sharing, setSharing] = useState(false);

  // The query first; its versions and (for its owner) its sharing each on their own, so one
  // refused part (a viewer may not list who else it is shared with) cannot hide the others.
  const load = useCallback(async () => {
    let q: SavedQuery;
    try {
      q = await api.getSaved(id);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setNotFound(e.message);
      else setError((e as Error).message);
      return;
    }
    setQuery(q);
    setFields(fieldsOf(q));
    const fail = (e: unknown) => setError((e as Error).message);
    await Promise.all([api.versions(id).then(setVersions, fail), q.access === 'owner' ? api.getShares(id).then(setShares, fail) : undefined]);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (notFound) {
    return (
      <>
        <h1>Saved query not found</h1>
        <p role="alert" className="acc-error">
          {notFound} It may be private, deleted, or not shared with you.
        </p>
        <Link href="/saved">Back to saved queries</Link>
      </>
    );
  }
  if (!query)
    return error ? (
      <p role="alert" className="acc-error">
        {error}
      </p>
    ) : (
      <p className="acc-muted">Loading…</p>
    );

  const canEdit = me.role !== 'viewer' && (query.access === 'owner' || query.access === 'editor');
  const isOwner = query.access === 'owner';
  // what this user can actually do: a viewer account cannot edit whatever the share says
  const effectiveAccess = canEdit ? query.access : 'viewer';
  const dirty = !sameFields(fields, fieldsOf(query));

  async function saveAsNewVersion(next: QueryFields, done: (version: number) => string) {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const q = await api.updateSaved(id, inputOf(next));
      setQuery(q);
      setFields(fieldsOf(q));
      setVersions(await api.versions(id));
      setNotice(done(q.version));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function restore(v: SavedQueryVersion) {
    if (dirty && !window.confirm(`Restoring version ${v.version} discards your unsaved changes. Restore it?`)) return;
    void saveAsNewVersion(fieldsOfVersion(v), (n) => `Restored version ${v.version} as version ${n}.`);
  }

  async function remove() {
    if (!window.confirm(`Delete “${query!.name}” and all its versions? This cannot be undone.`)) return;
    try {
      await api.deleteSaved(id);
      window.location.assign('/saved');
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <h1>{query.name}</h1>
      <p className="acc-muted">
        Version {query.version} · created {formatWhen(query.createdAt)} by {query.createdBy} · updated {formatWhen(query.updatedAt)} by {query.updatedBy}
        {isOwner ? (shares ? ` · ${sharingSummary(shares)}` : '') : ` · shared with you as ${effectiveAccess}`}
      </p>
      {!canEdit && <p className="acc-notice">You can view and run this query, but not change it.</p>}
      <QueryForm
        fields={fields}
        onChange={setFields}
        readOnly={!canEdit}
        onSave={() => void saveAsNewVersion(fields, (n) => `Saved as version ${n}.`)}
        sqlRevision={`v${query.version}`}
        canSave={dirty && !busy}
        actions={
          <>
            {isOwner && me.role !== 'viewer' && (
              <button type="button" className="acc-button acc-secondary" onClick={() => setSharing(true)}>
                Share
              </button>
            )}
            {isOwner && me.role !== 'viewer' && (
              <button type="button" className="acc-button acc-danger" onClick={() => void remove()}>
                Delete query
              </button>
            )}
            {notice && <span role="status">{notice}</span>}
          </>
        }
      />
      <ErrorAlert message={error} />
      <RunPanel queryId={id} unsaved={dirty} parameters={query.parameters} />
      <SavedQueryAlerts queryId={id} canCreate={me.role !== 'viewer'} />
      <VersionsPanel versions={versions} onRestore={canEdit ? restore : undefined} busy={busy} />
      {sharing && <ShareDialog queryId={id} queryName={query.name} onClose={() => setSharing(false)} onSaved={setShares} />}
    </>
  );
}
