'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import type { Role } from '../api/accounts';
import { formatBytes, formatCount } from '../format';
import { lakeApi, type StoreOverview } from './api';
import { formatTime, STATUS_TEXT } from './format';
import { ingestionText } from './ingestion-text';
import { currentTarget, withTarget, type LakeTarget } from './lake-target';
import { LakePicker } from './lake-picker';
import { ErrorAlert } from '../forms/error-alert';

interface Column {
  key: string;
  label: string;
  value: (s: StoreOverview) => string | number;
  show: (s: StoreOverview) => string;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'Name', value: (s) => s.store.Name, show: (s) => s.store.Name },
  { key: 'status', label: 'Status', value: (s) => s.store.Status, show: (s) => STATUS_TEXT[s.store.Status] ?? s.store.Status },
  { key: 'retention', label: 'Retention (days)', value: (s) => s.store.RetentionPeriod, show: (s) => String(s.store.RetentionPeriod), numeric: true },
  { key: 'events', label: 'Events', value: (s) => s.storage?.Events ?? -1, show: (s) => formatCount(s.storage?.Events), numeric: true },
  { key: 'size', label: 'Size on disk', value: (s) => s.storage?.Bytes ?? -1, show: (s) => formatBytes(s.storage?.Bytes), numeric: true },
  { key: 'files', label: 'Files', value: (s) => s.storage?.Files ?? -1, show: (s) => formatCount(s.storage?.Files), numeric: true },
  { key: 'oldest', label: 'Oldest event', value: (s) => s.storage?.OldestEventTime ?? 0, show: (s) => formatTime(s.storage?.OldestEventTime) },
  { key: 'newest', label: 'Newest event', value: (s) => s.storage?.NewestEventTime ?? 0, show: (s) => formatTime(s.storage?.NewestEventTime) },
  { key: 'ingestion', label: 'Ingestion', value: (s) => ingestionText(s.store.Status, s.follow), show: (s) => ingestionText(s.store.Status, s.follow) },
  { key: 'compaction', label: 'Last compaction', value: (s) => s.storage?.LastCompactionTime ?? 0, show: (s) => formatTime(s.storage?.LastCompactionTime) },
  {
    key: 'protection',
    label: 'Termination protection',
    value: (s) => String(s.store.TerminationProtectionEnabled),
    show: (s) => (s.store.TerminationProtectionEnabled ? 'On' : 'Off'),
  },
];

/** Every store of one lake (the built-in one, or a connection's region), sortable by any column, each linking to its page. */
export function StoresList({ role }: { role: Role }) {
  const canCreate = role === 'admin';
  const [stores, setStores] = useState<StoreOverview[] | null>(null);
  const [error, setError] = useState('');
  const [sort, setSort] = useState<{ key: string; asc: boolean }>({ key: 'name', asc: true });
  const [target, setTarget] = useState<LakeTarget>(currentTarget);
  useEffect(() => {
    setStores(null);
    setError('');
    lakeApi.stores(target).then(
      (r) => setStores(r.stores),
      (e: Error) => setError(e.message),
    );
  }, [target]);
  const sorted = useMemo(() => {
    const col = COLUMNS.find((c) => c.key === sort.key)!;
    return [...(stores ?? [])].sort((a, b) => {
      const [x, y] = [col.value(a), col.value(b)];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.asc ? c : -c;
    });
  }, [stores, sort]);

  return (
    <>
      <div className="acc-toolbar">
        <LakePicker target={target} onChange={setTarget} />
        <span className="acc-row">
          {canCreate && (
            <Link className="acc-button acc-link-button" href={withTarget('/stores/new')}>
              Create event data store
            </Link>
          )}
          {role !== 'viewer' && (
            <Link className="acc-button acc-secondary acc-link-button" href={withTarget('/stores/imports')}>
              Imports
            </Link>
          )}
        </span>
      </div>
      <ErrorAlert message={error} />
      {!stores && !error && <p className="acc-muted">Loading…</p>}
      {stores && (
        <table className="acc-table" aria-label="Event data stores">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={sort.key === c.key ? (sort.asc ? 'ascending' : 'descending') : 'none'} className={c.numeric ? 'acc-num' : undefined}>
                  <button type="button" className="lk-sort" onClick={() => setSort({ key: c.key, asc: sort.key === c.key ? !sort.asc : true })}>
                    {c.label}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((s) => (
              <tr key={s.id}>
                {COLUMNS.map((c) => (
                  <td key={c.key} className={c.numeric ? 'acc-num' : undefined}>
                    {c.key === 'name' ? <Link href={withTarget(`/stores/${s.id}`)}>{s.store.Name}</Link> : c.show(s)}
                  </td>
                ))}
              </tr>
            ))}
            {sorted.length === 0 && (
              <tr>
                <td colSpan={COLUMNS.length} className="acc-muted">
                  No event data stores{canCreate ? ' yet' : ' you can query'}.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </>
  );
}
