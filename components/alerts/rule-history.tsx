'use client';

import Link from 'next/link';
import { formatWhen } from '../format';
import type { Delivery, Run } from './api';
import { firingLabel, formatWindow, plural } from './format';

const RUN_LABEL: Record<string, string> = { running: 'Running', ok: 'Condition not met', fired: 'Fired', suppressed: 'Not sent again', error: 'Error' };

/** A run's outcome as the history and the rule's status line say it. */
export function runOutcome(r: Run): string {
  return r.kind === 'test' && r.firing ? 'Test sent' : (RUN_LABEL[r.status] ?? r.status);
}

function Deliveries({ list }: { list: Delivery[] }) {
  if (!list.length) return <span className="acc-muted">no destinations</span>;
  return (
    <ul className="alert-attempts" aria-label="Deliveries">
      {list.map((d) => (
        <li key={d.id}>
          {d.destinationName}: <span className={`alert-badge alert-${d.status}`}>{d.status}</span>{' '}
          <span className="acc-muted">
            {plural(d.attempts, 'attempt')}
            {d.deliveredAt && ` · delivered ${formatWhen(d.deliveredAt)}`}
            {d.nextAttemptAt && d.status === 'retrying' && ` · next try ${formatWhen(d.nextAttemptAt)}`}
          </span>
          {d.attemptLog.some((a) => a.error) && (
            <ul>
              {d.attemptLog.map((a, i) => (
                <li key={i}>
                  {formatWhen(a.at)}: {a.error ? <span className="acc-error">{a.error}</span> : `HTTP ${a.status}`}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A rule's runs, newest first: outcome, window, rows, and for firings the rows' link and each delivery. */
export function RuleHistory({ runs }: { runs: Run[] }) {
  if (!runs.length) return <p className="acc-muted">No runs yet.</p>;
  return (
    <table className="acc-table" aria-label="Run history">
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Kind</th>
          <th scope="col">Outcome</th>
          <th scope="col">Window (UTC)</th>
          <th scope="col" className="acc-num">
            Rows
          </th>
          <th scope="col">Notification</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id}>
            <td>{formatWhen(r.startedAt)}</td>
            <td>{r.kind === 'test' ? 'Test' : 'Scheduled'}</td>
            <td>
              <span className={`alert-badge alert-${r.status}`}>{runOutcome(r)}</span>
              {r.error && <div className="acc-error">{r.error}</div>}
              {r.note && <div className="acc-muted">{r.note}</div>}
            </td>
            <td className="acc-id alert-window">{formatWindow(r.windowStart, r.windowEnd)}</td>
            <td className="acc-num">
              {r.rowCount ?? '—'}
              {r.matchedCount !== null && r.matchedCount !== r.rowCount ? ` (${r.matchedCount} matched)` : ''}
            </td>
            <td>
              {r.firing ? (
                <>
                  <Link href={`/alerts/firings/${r.firing.id}`}>{firingLabel(r.firing)}</Link>
                  <Deliveries list={r.firing.deliveries} />
                </>
              ) : (
                <span className="acc-muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
