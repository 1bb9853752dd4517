'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { ResultsTable } from '@/components/results/results-table';
import { exportUrl } from '../api/queries';
import { formatWhen } from '../format';
import { alertsApi, type FiringDetail } from './api';
import { formatWindow, plural } from './format';
import { ErrorAlert } from '../forms/error-alert';

/** The rows one firing notified about (kept with the firing), its deliveries and the full result's export. */
export function FiringView({ id }: { id: string }) {
  const [f, setF] = useState<FiringDetail | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    alertsApi.firing(id).then(setF, (e: unknown) => setError((e as Error).message));
  }, [id]);
  if (error) return <ErrorAlert message={error} />;
  if (!f) return <p className="acc-muted">Loading…</p>;
  return (
    <>
      <h1>
        {f.test ? 'Test of ' : ''}
        {f.rule.name}
      </h1>
      <p className="acc-muted">
        Fired {formatWhen(f.firedAt)} · window (UTC) {formatWindow(f.windowStart, f.windowEnd)} · <Link href={`/alerts/${f.rule.id}`}>Rule and history</Link>
        {f.query && (
          <>
            {' · '}
            <Link href={`/saved/${f.query.id}`}>Saved query “{f.query.name}”</Link>
          </>
        )}
      </p>
      <p>{f.summary}</p>
      <div className="acc-row">
        <span className="acc-muted">
          {f.rowCount} rows fired{f.rows.length < f.rowCount ? ` (the first ${f.rows.length} are kept here)` : ''}.
        </span>
        {f.queryHandle && (
          <a className="acc-button acc-link-button acc-secondary" href={exportUrl(f.queryHandle, { format: 'csv', scope: 'all', formulaGuard: true })} download>
            Export the query's full result (CSV, kept 7 days)
          </a>
        )}
      </div>
      {f.rows.length > 0 && (
        <div className="acc-results">
          <ResultsTable columns={f.columns} rows={f.rows} offset={0} />
        </div>
      )}
      <h2>Deliveries</h2>
      <ul>
        {f.deliveries.map((d) => (
          <li key={d.id}>
            {d.destinationName}: <span className={`alert-badge alert-${d.status}`}>{d.status}</span> after {plural(d.attempts, 'attempt')}
            {d.lastError && <span className="acc-error"> — {d.lastError}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
