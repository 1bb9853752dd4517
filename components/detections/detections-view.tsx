'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../api/accounts';
import { StoreSelect, type StoreChoice } from '../forms/store-select';
import { AttackMatrix } from './attack-matrix';
import { detectionsApi, type DetectionListing, type MatrixColumn } from './api';
import { DetectionCard } from './detection-card';
import { ErrorAlert } from '../forms/error-alert';

const SEVERITIES = ['critical', 'high', 'medium', 'low'];

function matches(d: DetectionListing, f: { severity: string; tactic: string; text: string }) {
  const text = f.text.trim().toLowerCase();
  return (
    (!f.severity || d.severity === f.severity) &&
    (!f.tactic || d.tactics.some((t) => t.id === f.tactic)) &&
    (!text || [d.id, d.title, d.description, ...d.techniques.map((t) => `${t.id} ${t.name}`), ...d.events].some((s) => s.toLowerCase().includes(text)))
  );
}

/** The detection library for a chosen store: filters, the ATT&CK matrix, and each detection with its coverage and rule. */
export function DetectionsView({ me }: { me: Me }) {
  const [store, setStore] = useState<StoreChoice>({ storeId: null, connectionId: null });
  const [data, setData] = useState<{ detections: DetectionListing[]; matrix: MatrixColumn[] } | null>(null);
  const [filter, setFilter] = useState({ severity: '', tactic: '', text: '' });
  const [error, setError] = useState('');

  const load = useCallback(() => {
    setError('');
    detectionsApi.list(store.storeId).then(setData, (e: unknown) => setError((e as Error).message));
  }, [store.storeId]);
  useEffect(load, [load]);

  const shown = data?.detections.filter((d) => matches(d, filter)) ?? [];
  const chosen = store.storeId ? { storeId: store.storeId, connectionId: store.connectionId } : null;
  return (
    <>
      <p className="acc-muted">
        Tested CloudTrail threat detections mapped to MITRE ATT&amp;CK. Choose a store to see which can fire on it, and enable one as an alert rule.
      </p>
      <div className="acc-row">
        <StoreSelect value={store} onChange={setStore} label="Store" noneLabel="Choose a store…" />
        <label>
          Severity
          <select aria-label="Severity" value={filter.severity} onChange={(e) => setFilter({ ...filter, severity: e.target.value })}>
            <option value="">Any</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tactic
          <select aria-label="Tactic" value={filter.tactic} onChange={(e) => setFilter({ ...filter, tactic: e.target.value })}>
            <option value="">Any</option>
            {data?.matrix.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="acc-grow">
          Search
          <input type="search" aria-label="Search detections" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        </label>
      </div>
      <ErrorAlert message={error} />
      {!data && !error && <p className="acc-muted">Loading…</p>}
      {data && (
        <>
          <AttackMatrix columns={data.matrix} />
          <section aria-label="Detections">
            <h2>
              {shown.length} of {data.detections.length} detections
            </h2>
            {shown.map((d) => (
              <DetectionCard key={d.id} d={d} store={chosen} canEnable={me.role !== 'viewer'} onChange={load} />
            ))}
          </section>
        </>
      )}
    </>
  );
}
