'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { formatWhen } from '../format';
import { alertsApi, type Rule } from './api';
import { RuleStatus } from './rule-status';
import { ErrorAlert } from '../forms/error-alert';

/** The user's alert rules (optionally one saved query's): status, schedule, last and next run. */
export function RulesList({ savedQueryId, label }: { savedQueryId?: string; label: string }) {
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    alertsApi.listRules(savedQueryId).then(
      (r) => live && setRules(r),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [savedQueryId]);

  if (error) return <ErrorAlert message={error} />;
  if (!rules) return <p className="acc-muted">Loading…</p>;
  if (!rules.length) return <p className="acc-muted">No alert rules{savedQueryId ? ' on this query' : ''} yet.</p>;
  return (
    <table className="acc-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          {!savedQueryId && <th scope="col">Saved query</th>}
          <th scope="col">Schedule</th>
          <th scope="col">Status</th>
          <th scope="col">Last run</th>
          <th scope="col">Next run</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.id}>
            <td>
              <Link href={`/alerts/${r.id}`}>{r.name}</Link>
              <div className="acc-muted">fires on {r.conditionText}</div>
            </td>
            {!savedQueryId && (
              <td>{r.savedQueryName ? <Link href={`/saved/${r.savedQueryId}`}>{r.savedQueryName}</Link> : <span className="acc-error">deleted</span>}</td>
            )}
            <td>{r.scheduleText}</td>
            <td>
              <RuleStatus rule={r} />
            </td>
            <td>{formatWhen(r.lastRunAt)}</td>
            <td>{r.enabled ? formatWhen(r.nextRunAt) : 'paused'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
