'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { formatBytes, formatCount } from '../format';
import { selectorsInWords } from '@/lib/lake-admin/selectors-in-words';
import type { Role } from '../api/accounts';
import { lakeApi, type StoreOverview } from './api';
import { DeleteDialog } from './delete-dialog';
import { EventsChart } from './events-chart';
import { FollowForm } from './follow-form';
import { formatTime, STATUS_TEXT } from './format';
import { ImportsTable } from './imports-table';
import { StoreSamples } from './store-samples';
import { withTarget } from './lake-target';
import { ErrorAlert } from '../forms/error-alert';

/** One store: its settings, what it holds, how it is fed, and (for admins) what can be done with it. */
export function StoreView({ id, role }: { id: string; role: Role }) {
  const isAdmin = role === 'admin';
  const router = useRouter();
  const [s, setS] = useState<StoreOverview | null>(null);
  const [error, setError] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => lakeApi.store(id).then(setS, (e: Error) => setError(e.message)), [id]);
  useEffect(() => void load(), [load]);

  async function act(fn: () => Promise<unknown>) {
    setBusy(true);
    setError('');
    try {
      await fn();
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!s)
    return error ? (
      <p role="alert" className="acc-error">
        {error}
      </p>
    ) : (
      <p className="acc-muted">Loading…</p>
    );
  const st = s.store;
  const pending = st.Status === 'PENDING_DELETION';
  const deleteOn = st.UpdatedTimestamp && pending ? new Date(new Date(st.UpdatedTimestamp).getTime() + 7 * 86_400_000) : undefined;
  return (
    <>
      <h1>{st.Name}</h1>
      <p className="acc-muted">
        <Link href={withTarget('/stores')}>Event data stores</Link> › <span className="acc-id">{s.id}</span>
      </p>
      <p role="status" aria-label="Store status" className={pending ? 'acc-notice' : undefined}>
        Status: <strong>{STATUS_TEXT[st.Status] ?? st.Status}</strong>
        {pending && deleteOn && <> — disabled; removed for good after {formatTime(deleteOn.toISOString())} unless restored.</>}
      </p>
      <ErrorAlert message={error} />
      {isAdmin && (
        <div className="acc-row lk-actions" role="toolbar" aria-label="Store actions">
          {pending ? (
            <button type="button" className="acc-button" disabled={busy} onClick={() => act(() => lakeApi.action(s.id, 'restore'))}>
              Restore
            </button>
          ) : (
            <>
              <Link className="acc-button acc-secondary acc-link-button" href={withTarget(`/stores/${s.id}/edit`)}>
                Edit
              </Link>
              <Link className="acc-button acc-secondary acc-link-button" href={withTarget('/stores/imports', { store: s.id })}>
                Import trail logs
              </Link>
              {st.Status === 'STOPPED_INGESTION' ? (
                <button type="button" className="acc-button acc-secondary" disabled={busy} onClick={() => act(() => lakeApi.action(s.id, 'start-ingestion'))}>
                  Start ingestion
                </button>
              ) : (
                <button type="button" className="acc-button acc-secondary" disabled={busy} onClick={() => act(() => lakeApi.action(s.id, 'stop-ingestion'))}>
                  Stop ingestion
                </button>
              )}
              <button
                type="button"
                className="acc-button acc-secondary"
                disabled={busy}
                onClick={() => act(() => lakeApi.update(s.id, { TerminationProtectionEnabled: !st.TerminationProtectionEnabled }))}
              >
                {st.TerminationProtectionEnabled ? 'Turn off termination protection' : 'Turn on termination protection'}
              </button>
              <button
                type="button"
                className="acc-button acc-danger"
                disabled={busy || st.TerminationProtectionEnabled}
                title={st.TerminationProtectionEnabled ? 'Turn termination protection off first' : undefined}
                onClick={() => setDeleting(true)}
              >
                Delete
              </button>
            </>
          )}
        </div>
      )}
      {deleting && (
        <DeleteDialog
          name={st.Name}
          onClose={() => setDeleting(false)}
          onDelete={async () => {
            await lakeApi.action(s.id, 'delete');
            setDeleting(false);
            await load();
          }}
        />
      )}
      <section className="acc-panel" aria-labelledby="lk-settings">
        <h2 id="lk-settings">Settings</h2>
        <dl className="lk-settings">
          <dt>ARN</dt>
          <dd className="acc-id">{st.EventDataStoreArn}</dd>
          <dt>Pricing option</dt>
          <dd>{st.BillingMode === 'FIXED_RETENTION_PRICING' ? 'Seven-year retention pricing' : 'One-year extendable retention pricing'}</dd>
          <dt>Retention period</dt>
          <dd>{st.RetentionPeriod} days</dd>
          <dt>Regions</dt>
          <dd>{st.MultiRegionEnabled ? 'All regions' : 'This region only'}</dd>
          <dt>Organization</dt>
          <dd>{st.OrganizationEnabled ? 'All accounts in the organization' : 'This account only'}</dd>
          <dt>Termination protection</dt>
          <dd>{st.TerminationProtectionEnabled ? 'On' : 'Off'}</dd>
          <dt>Created</dt>
          <dd>{formatTime(st.CreatedTimestamp)}</dd>
          <dt>Updated</dt>
          <dd>{formatTime(st.UpdatedTimestamp)}</dd>
        </dl>
        <h3>Events</h3>
        <ul aria-label="Event selectors">
          {selectorsInWords(st.AdvancedEventSelectors ?? []).map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      </section>
      <section className="acc-panel" aria-labelledby="lk-storage">
        <h2 id="lk-storage">Stored events</h2>
        {s.storage ? (
          <>
            <dl className="lk-settings" aria-label="Storage">
              <dt>Events</dt>
              <dd>{formatCount(s.storage.Events)}</dd>
              <dt>Size on disk</dt>
              <dd>{formatBytes(s.storage.Bytes)}</dd>
              <dt>Files</dt>
              <dd>{formatCount(s.storage.Files)}</dd>
              <dt>Oldest event</dt>
              <dd>{formatTime(s.storage.OldestEventTime)}</dd>
              <dt>Newest event</dt>
              <dd>{formatTime(s.storage.NewestEventTime)}</dd>
              <dt>Last compaction</dt>
              <dd>{formatTime(s.storage.LastCompactionTime)}</dd>
            </dl>
            <EventsChart perDay={s.storage.EventsPerDay} />
          </>
        ) : (
          <p className="acc-muted">This lake does not report its storage.</p>
        )}
      </section>
      {!pending && role !== 'viewer' && <StoreSamples storeId={s.id} />}
      {!pending && <FollowForm storeId={s.id} follow={s.follow} canChange={isAdmin} onChanged={() => void load()} />}
      {role !== 'viewer' && !pending && (
        <section className="acc-panel" aria-labelledby="lk-imports">
          <h2 id="lk-imports">Imports into this store</h2>
          <ImportsTable destination={st.EventDataStoreArn} onOpen={(importId) => router.push(withTarget('/stores/imports', { import: importId }))} />
        </section>
      )}
    </>
  );
}
