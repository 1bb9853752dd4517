'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, type AuditEntry, type AuditFilter } from '../api/accounts';
import { formatWhen, localInputToIso } from '../format';
import { SubmitButton } from '../forms/submit-button';
import { ErrorAlert } from '../forms/error-alert';

interface FilterFields {
  email: string;
  action: string;
  since: string;
  until: string;
}

function toFilter(f: FilterFields): AuditFilter {
  return { email: f.email.trim() || undefined, action: f.action.trim() || undefined, since: localInputToIso(f.since), until: localInputToIso(f.until) };
}

/** The audit log for admins: filter by user, action prefix and time; export what is filtered as CSV. */
export function AuditLog() {
  const [fields, setFields] = useState<FilterFields>({ email: '', action: '', since: '', until: '' });
  const [applied, setApplied] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async (filter: AuditFilter) => {
    setError('');
    try {
      setEntries(await api.audit(filter));
      setApplied(filter);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void load({});
  }, [load]);

  const set = (patch: Partial<FilterFields>) => setFields({ ...fields, ...patch });

  return (
    <>
      <form
        className="acc-row acc-toolbar"
        aria-label="Filter the audit log"
        onSubmit={(e) => {
          e.preventDefault();
          void load(toFilter(fields));
        }}
      >
        <label>
          User email
          <input type="email" value={fields.email} onChange={(e) => set({ email: e.target.value })} />
        </label>
        <label>
          Action starts with
          <input type="text" value={fields.action} placeholder="e.g. query.run, export, admin." onChange={(e) => set({ action: e.target.value })} />
        </label>
        <label>
          From
          <input type="datetime-local" value={fields.since} onChange={(e) => set({ since: e.target.value })} />
        </label>
        <label>
          To
          <input type="datetime-local" value={fields.until} onChange={(e) => set({ until: e.target.value })} />
        </label>
        <SubmitButton className="acc-button">Filter</SubmitButton>
        <a className="acc-button acc-link-button acc-secondary" href={api.auditCsvUrl(applied)} download>
          Export CSV
        </a>
      </form>
      <ErrorAlert message={error} />
      {entries && (
        <p className="acc-muted">
          {entries.length === 500 ? 'The newest 500 entries; narrow the filter or export CSV for all.' : `${entries.length} entries.`}
        </p>
      )}
      {entries && entries.length > 0 && (
        <table className="acc-table" aria-label="Audit log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">User</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatWhen(e.at)}</td>
                <td>{e.email ?? '—'}</td>
                <td>{e.action}</td>
                <td>{e.target ?? ''}</td>
                <td>
                  <code className="acc-clip" title={e.detail}>
                    {e.detail === '{}' ? '' : e.detail}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
