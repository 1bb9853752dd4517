'use client';

import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/accounts';
import { alertsApi } from './api';
import { NEW_RULE, RuleForm } from './rule-form';
import { ErrorAlert } from '../forms/error-alert';

/** A new rule on the saved query named in the URL (`/alerts/new?savedQueryId=...`). */
export function NewRule() {
  const [savedQueryId, setSavedQueryId] = useState('');
  const [queryName, setQueryName] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get('savedQueryId');
    if (!id) return setError('Open this page from a saved query (its “New alert rule” button).');
    setSavedQueryId(id);
    api.getSaved(id).then(
      (q) => setQueryName(q.name),
      (e: unknown) => setError((e as Error).message),
    );
  }, []);
  const value = useMemo(() => NEW_RULE(savedQueryId, queryName ? `Alert on ${queryName}` : ''), [savedQueryId, queryName]);

  if (queryName === null)
    return error ? (
      <p role="alert" className="acc-error">
        {error}
      </p>
    ) : (
      <p className="acc-muted">Loading…</p>
    );
  return (
    <>
      <p className="acc-muted">On the saved query “{queryName}”.</p>
      <RuleForm
        value={value}
        busy={busy}
        submitLabel="Create rule"
        isNew
        onSubmit={async (input) => {
          setBusy(true);
          setError('');
          try {
            const rule = await alertsApi.createRule(input);
            window.location.assign(`/alerts/${rule.id}`);
          } catch (e) {
            setError((e as Error).message);
            setBusy(false);
          }
        }}
      />
      <ErrorAlert message={error} />
    </>
  );
}
