'use client';

import Link from 'next/link';
import { RulesList } from './rules-list';

/** On a saved query's page: the user's alert rules on it and a way to add one. */
export function SavedQueryAlerts({ queryId, canCreate }: { queryId: string; canCreate: boolean }) {
  return (
    <section className="acc-panel" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      <RulesList savedQueryId={queryId} label="Alert rules on this query" />
      {canCreate && (
        <p>
          <Link className="acc-button acc-link-button" href={`/alerts/new?savedQueryId=${encodeURIComponent(queryId)}`}>
            New alert rule
          </Link>
        </p>
      )}
    </section>
  );
}
