'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { api, type Me, type Run, type Spend } from '../api/accounts';
import { formatBytes, formatCost, formatCount, formatDuration, formatWhen } from '../format';
import { ErrorAlert } from '../forms/error-alert';

/** The user's runs (admins: optionally everyone's) with status, bytes, cost, duration and rows. */
export function HistoryTable({ me }: { me: Me }) {
  const [everyone, setEveryone] = useState(false);
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [error, setError] = useState('');
  const [spend, setSpend] = useState<Spend | null>(null);

  useEffect(() => {
    api.spend().then(setSpend, () => setSpend(null));
  }, []);

  useEffect(() => {
    let live = true;
    setError('');
    api.history(everyone).then(
      (r) => live && setRuns(r),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [everyone]);

  return (
    <>
      {spend && (
        <dl className="acc-spend" aria-label="My query spend">
          <div>
            <dt>Today (UTC)</dt>
            <dd>{formatCost(spend.todayUsd)}</dd>
          </div>
          <div>
            <dt>Last 30 days</dt>
            <dd>
              {formatCost(spend.last30DaysUsd)} · {formatCount(spend.runs30Days)} runs
            </dd>
          </div>
          <div>
            <dt>All time</dt>
            <dd>{formatCost(spend.totalUsd)}</dd>
          </div>
        </dl>
      )}
      {me.role === 'admin' && (
        <label className="acc-check">
          <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> Show everyone’s runs
        </label>
      )}
      <ErrorAlert message={error} />
      {runs && runs.length === 0 && <p className="acc-muted">No runs yet.</p>}
      {runs && runs.length > 0 && (
        <table className="acc-table" aria-label={everyone ? 'Everyone’s runs' : 'My runs'}>
          <thead>
            <tr>
              <th scope="col">When</th>
              {everyone && <th scope="col">User</th>}
              <th scope="col">Status</th>
              <th scope="col">SQL</th>
              <th scope="col">Store</th>
              <th scope="col" className="acc-num">
                Rows
              </th>
              <th scope="col" className="acc-num">
                Bytes scanned
              </th>
              <th scope="col" className="acc-num">
                Cost
              </th>
              <th scope="col" className="acc-num">
                Duration
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.handle}>
                <td>{formatWhen(r.created_at)}</td>
                {everyone && <td>{r.email}</td>}
                <td>{r.status}</td>
                <td>
                  <code className="acc-clip" title={r.sql}>
                    {r.sql}
                  </code>
                  {r.parameters && (
                    <div className="acc-muted">
                      Parameters:{' '}
                      {Object.entries(r.parameters)
                        .map(([k, v]) => `${k} = ${typeof v === 'string' ? v : v.join(', ')}`)
                        .join('; ')}
                    </div>
                  )}
                  {r.saved_query_id && (
                    <div>
                      <Link href={`/saved/${r.saved_query_id}`}>Open saved query</Link>
                    </div>
                  )}
                  {r.exports?.map((e) => (
                    <div key={e.exportId}>
                      <a href={`/api/exports/${encodeURIComponent(e.exportId)}`} download title={`SHA-256 ${e.sha256}`}>
                        Evidence of the {e.format === 'jsonl' ? 'JSON Lines' : 'CSV'} export ({formatCount(e.rows)} rows, {formatWhen(e.at)})
                      </a>
                    </div>
                  ))}
                </td>
                <td className="acc-id">{r.store_id ?? '—'}</td>
                <td className="acc-num">{formatCount(r.rows)}</td>
                <td className="acc-num">{formatBytes(r.bytes_scanned)}</td>
                <td className="acc-num">{formatCost(r.cost_usd)}</td>
                <td className="acc-num">{formatDuration(r.duration_ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
