'use client';

import { useCallback, useEffect, useState } from 'react';
import { alertsApi, type Destination } from './api';
import { SubmitButton } from '../forms/submit-button';
import { KIND_LABELS } from '@/lib/alerts/destinations/kinds';

/** What a URL of each kind looks like. */
const URL_EXAMPLE = { slack: 'https://hooks.slack.com/services/T…/B…/…', webhook: 'https://alerts.example.com/trailbench' } as const;

/** The user's destinations: add (URL stored server-side, shown masked), rotate a signing secret, delete. */
export function DestinationsPanel({ canEdit, onChange }: { canEdit: boolean; onChange?: (d: Destination[]) => void }) {
  const [list, setList] = useState<Destination[] | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'slack' | 'webhook'>('slack');
  const [url, setUrl] = useState('');
  const [sign, setSign] = useState(true);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const d = await alertsApi.listDestinations();
      setList(d);
      onChange?.(d);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [onChange]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(fn: () => Promise<{ destination?: Destination; signingSecret?: string } | unknown>) {
    setBusy(true);
    setError('');
    try {
      const out = (await fn()) as { destination?: Destination; signingSecret?: string } | undefined;
      if (out?.signingSecret && out.destination) setSecret({ name: out.destination.name, value: out.signingSecret });
      await load();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add() {
    const ok = await act(() => alertsApi.createDestination({ name: name.trim(), kind, url: url.trim(), sign: kind === 'webhook' && sign }));
    if (ok) {
      setName('');
      setUrl('');
    }
  }

  return (
    <section className="acc-panel" aria-labelledby="destinations-heading">
      <h2 id="destinations-heading">Destinations</h2>
      <p className="acc-muted">Webhook URLs are secrets: they stay on the server (encrypted) and are shown here masked.</p>
      {list && list.length === 0 && <p className="acc-muted">No destinations yet.</p>}
      {list && list.length > 0 && (
        <table className="acc-table" aria-label="Destinations">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">URL</th>
              <th scope="col">Signed</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id}>
                <td>{d.name}</td>
                <td>{KIND_LABELS[d.kind]}</td>
                <td className="acc-id">{d.urlHint}</td>
                <td>{d.kind === 'webhook' ? (d.signed ? 'HMAC-SHA256' : 'No') : '—'}</td>
                {canEdit && (
                  <td>
                    <div className="acc-row">
                      {d.kind === 'webhook' && (
                        <button type="button" className="acc-button acc-secondary" disabled={busy} onClick={() => void act(() => alertsApi.changeDestination(d.id, { rotateSecret: true }))}>
                          {d.signed ? `New signing secret for ${d.name}` : `Sign requests to ${d.name}`}
                        </button>
                      )}
                      <button
                        type="button"
                        className="acc-button acc-danger"
                        disabled={busy}
                        onClick={() => window.confirm(`Delete the destination “${d.name}”?`) && void act(() => alertsApi.deleteDestination(d.id))}
                      >
                        Delete {d.name}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {secret && (
        <div className="acc-notice" role="status">
          <p>Signing secret of “{secret.name}”, shown only now: receivers check <code>X-Trailbench-Signature</code> with it (see docs/alerts.md).</p>
          <input type="text" readOnly aria-label={`Signing secret of ${secret.name}`} value={secret.value} onFocus={(e) => e.target.select()} size={60} />{' '}
          <button type="button" className="acc-button acc-secondary" onClick={() => setSecret(null)}>I have copied it</button>
        </div>
      )}
      {canEdit && (
        <form
          className="acc-row"
          aria-label="Add a destination"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label>
            Destination name
            <input type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Kind
            <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as 'slack' | 'webhook')}>
              <option value="slack">{KIND_LABELS.slack}</option>
              <option value="webhook">{KIND_LABELS.webhook}</option>
            </select>
          </label>
          <label className="acc-grow">
            Webhook URL
            <input type="text" required maxLength={2048} value={url} onChange={(e) => setUrl(e.target.value)} placeholder={URL_EXAMPLE[kind]} autoComplete="off" />
          </label>
          {kind === 'webhook' && (
            <label className="acc-check">
              <input type="checkbox" checked={sign} onChange={(e) => setSign(e.target.checked)} /> Sign requests (HMAC-SHA256)
            </label>
          )}
          <SubmitButton className="acc-button" disabled={busy || !name.trim() || !url.trim()}>
            Add destination
          </SubmitButton>
        </form>
      )}
      {error && <p role="alert" className="acc-error">{error}</p>}
    </section>
  );
}
