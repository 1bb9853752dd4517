'use client';

import Link from 'next/link';
import { useState } from 'react';
import { formatWhen } from '../format';
import { detectionsApi, type DetectionListing } from './api';
import { EnableForm } from './enable-form';
import { ErrorAlert } from '../forms/error-alert';

function CoverageText({ d }: { d: DetectionListing }) {
  if (!d.coverage) return <span className="acc-muted">choose a store</span>;
  if (d.coverage.status === 'recorded') return <span>Can fire</span>;
  return (
    <span title={d.coverage.missing.join('\n')}>
      Cannot fire{d.coverage.status === 'partial' ? ' fully' : ''}: missing {d.coverage.missing.join('; ')}
    </span>
  );
}

/** One detection: what it is, what it needs, whether the store records it, and its rule (or Enable). */
export function DetectionCard({
  d,
  store,
  canEnable,
  onChange,
}: {
  d: DetectionListing;
  store: { storeId: string; connectionId: string | null } | null;
  canEnable: boolean;
  onChange: () => void;
}) {
  const [error, setError] = useState('');
  const active = d.rules.filter((r) => r.enabled);

  async function disable() {
    if (!store) return;
    setError('');
    try {
      await detectionsApi.disable(d.id, store.storeId);
      onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <article className="acc-panel" aria-label={d.title}>
      <h3>
        {d.title} <span className="acc-tag">{d.severity}</span>
        {active.length > 0 && <span className="acc-tag">enabled</span>}
      </h3>
      <p>{d.description}</p>
      <dl>
        <dt>ATT&amp;CK</dt>
        <dd>
          {d.tactics.map((t) => t.name).join(', ')} —{' '}
          {d.techniques.map((t) => (
            <a key={t.id} href={t.url} target="_blank" rel="noreferrer">
              {t.id} {t.name}{' '}
            </a>
          ))}
        </dd>
        <dt>Events needed</dt>
        <dd>{d.events.join('; ')}</dd>
        <dt>Coverage</dt>
        <dd>
          <CoverageText d={d} />
        </dd>
        <dt>False positives</dt>
        <dd>{d.falsePositives}</dd>
        <dt>Triage</dt>
        <dd>{d.runbook}</dd>
      </dl>
      {d.rules.map((r) => (
        <p key={r.ruleId}>
          Rule <Link href={`/alerts/${r.ruleId}`}>{r.ruleName}</Link> ({r.enabled ? 'on' : 'paused'}): last run{' '}
          {r.lastRunAt ? `${formatWhen(r.lastRunAt)}, ${r.lastStatus}` : 'not yet'}
          {r.lastFindings !== null && `, ${r.lastFindings} finding${r.lastFindings === 1 ? '' : 's'}`}
        </p>
      ))}
      {canEnable &&
        store &&
        (active.length ? (
          <button type="button" className="acc-button" onClick={() => void disable()}>
            Disable
          </button>
        ) : (
          <details>
            <summary>Enable on this store</summary>
            <EnableForm detection={d} store={store} onEnabled={onChange} />
          </details>
        ))}
      <ErrorAlert message={error} />
    </article>
  );
}
