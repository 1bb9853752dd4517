'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/request';
import type { Me } from '../api/accounts';
import { formatWhen } from '../format';
import { alertsApi, type Rule, type Run } from './api';
import { inputOfRule, RuleForm } from './rule-form';
import { RuleHistory, runOutcome } from './rule-history';
import { RuleStatus } from './rule-status';
import { ErrorAlert } from '../forms/error-alert';

const UNSETTLED = new Set(['pending', 'sending', 'retrying']);

/** One rule: status (and why it failed), Pause/Resume, Test now, Delete, the form, and its history. */
export function RuleView({ id, me }: { id: string; me: Me }) {
  const [data, setData] = useState<{ rule: Rule; runs: Run[] } | null>(null);
  const [missing, setMissing] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const rule = data?.rule;
  const runs = data?.runs ?? [];

  // the rule and its history together; a 404 (deleted, or not this user's) replaces the page
  const load = useCallback(
    () =>
      Promise.all([alertsApi.getRule(id), alertsApi.history(id)]).then(
        ([r, h]) => setData({ rule: r, runs: h }),
        (e: unknown) => (e instanceof ApiError && e.status === 404 ? setMissing(e.message) : setError((e as Error).message)),
      ),
    [id],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // refresh while something is under way (a run, or deliveries being sent or retried)
  const unsettled = rule?.running || runs.some((r) => r.status === 'running' || r.firing?.deliveries.some((d) => UNSETTLED.has(d.status)));
  useEffect(() => {
    const t = setInterval(() => void load(), unsettled ? 1500 : 10_000);
    return () => clearInterval(t);
  }, [load, unsettled]);

  const formValue = useMemo(() => (rule ? inputOfRule(rule) : null), [rule]);

  async function act(what: string, fn: () => Promise<string | void>) {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const msg = await fn();
      if (msg) setNotice(msg);
      await load();
    } catch (e) {
      setError(`${what}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  if (missing) {
    return (
      <>
        <h1>Alert rule not found</h1>
        <p role="alert" className="acc-error">
          {missing}
        </p>
        <Link href="/alerts">Back to alerts</Link>
      </>
    );
  }
  if (!rule || !formValue)
    return error ? (
      <p role="alert" className="acc-error">
        {error}
      </p>
    ) : (
      <p className="acc-muted">Loading…</p>
    );
  const canEdit = me.role !== 'viewer';
  const lastTest = runs.find((r) => r.kind === 'test');

  return (
    <>
      <h1>{rule.name}</h1>
      <p className="acc-muted">
        On {rule.savedQueryName ? <Link href={`/saved/${rule.savedQueryId}`}>{rule.savedQueryName}</Link> : 'a deleted saved query'} · {rule.scheduleText} ·
        fires on {rule.conditionText}
        {rule.enabled && rule.nextRunAt && ` · next run ${formatWhen(rule.nextRunAt)}`}
      </p>
      <p>
        Status: <RuleStatus rule={rule} />
        {rule.lastRunAt && <span className="acc-muted"> · last scheduled run {formatWhen(rule.lastRunAt)}</span>}
      </p>
      {/* tests do not change the scheduled status, so the newest test's outcome is shown beside it */}
      {lastTest && (
        <p role="status" aria-label="Last test">
          Last test: <span className={`alert-badge alert-${lastTest.status}`}>{runOutcome(lastTest)}</span>{' '}
          <span className="acc-muted">{formatWhen(lastTest.startedAt)}</span>
          {lastTest.error && <span className="acc-error"> — {lastTest.error}</span>}
        </p>
      )}
      {rule.warnings.map((w) => (
        <p key={w} className="acc-notice">
          {w}
        </p>
      ))}
      {canEdit && (
        <div className="acc-row">
          <button
            type="button"
            className="acc-button"
            disabled={busy}
            onClick={() =>
              void act('Test now', async () => {
                const run = await alertsApi.testRule(id);
                return run.status === 'error' ? `Test run failed: ${run.error}` : 'Test run done; notifications are on their way (see the history).';
              })
            }
          >
            Test now
          </button>
          <button
            type="button"
            className="acc-button acc-secondary"
            disabled={busy}
            onClick={() => void act(rule.enabled ? 'Pause' : 'Resume', async () => void (await alertsApi.setEnabled(id, !rule.enabled)))}
          >
            {rule.enabled ? 'Pause' : 'Resume'}
          </button>
          <button
            type="button"
            className="acc-button acc-danger"
            disabled={busy}
            onClick={() => {
              if (window.confirm(`Delete the alert rule “${rule.name}” and its history?`))
                void act('Delete', async () => {
                  await alertsApi.deleteRule(id);
                  window.location.assign('/alerts');
                });
            }}
          >
            Delete rule
          </button>
          {notice && <span role="status">{notice}</span>}
        </div>
      )}
      <ErrorAlert message={error} />
      <section className="acc-panel" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <RuleHistory runs={runs} />
      </section>
      {canEdit && (
        <section className="acc-panel" aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit rule</h2>
          <RuleForm
            value={formValue}
            busy={busy}
            submitLabel="Save rule"
            onSubmit={(input) =>
              void act('Save', async () => {
                await alertsApi.updateRule(id, input);
                return 'Rule saved.';
              })
            }
          />
        </section>
      )}
    </>
  );
}
