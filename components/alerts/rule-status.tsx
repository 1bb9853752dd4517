'use client';

import type { Rule } from './api';

const LABEL: Record<string, string> = { never: 'Not run yet', ok: 'OK', fired: 'Fired', suppressed: 'Fired (not sent again)', error: 'Error' };

/** Paused, or the last scheduled run's outcome; an error carries its reason. */
export function RuleStatus({ rule }: { rule: Pick<Rule, 'enabled' | 'lastStatus' | 'lastError' | 'running'> }) {
  if (!rule.enabled) return <span className="alert-badge alert-paused">Paused</span>;
  return (
    <>
      <span className={`alert-badge alert-${rule.lastStatus}`}>{LABEL[rule.lastStatus] ?? rule.lastStatus}</span>
      {rule.running && <span className="acc-muted"> (running)</span>}
      {rule.lastStatus === 'error' && rule.lastError && <div className="acc-error">{rule.lastError}</div>}
    </>
  );
}
