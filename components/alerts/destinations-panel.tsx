'use client';

import { useCallback, useEffect, useState } from 'react';
import { alertsApi, type Destination } from './api';
import { SubmitButton } from '../forms/submit-button';
import { DEFAULT_URLS, DESTINATION_KINDS, KEYED_KINDS, KIND_LABELS, type DestinationKind } from '@/lib/alerts/destinations/kinds';
import { ErrorAlert } from '../forms/error-alert';

/** What a URL of each kind looks like, and what it is called. */
const URL_EXAMPLE: Record<DestinationKind, string> = {
  slack: 'https://hooks.slack.com/services/T…/B…/…',
  webhook: 'https://alerts.example.com/trailbench',
  email: 'smtp://user:password@mail.example.com:587/?from=alerts@example.com&to=soc@example.com',
  pagerduty: DEFAULT_URLS.pagerduty!,
  teams: 'https://….webhook.office.com/…',
  opsgenie: DEFAULT_URLS.opsgenie!,
};
const URL_LABEL: Record<DestinationKind, string> = {
  slack: 'Webhook URL',
  webhook: 'Webhook URL',
  teams: 'Webhook URL',
  email: 'SMTP URL',
  pagerduty: 'Events API URL',
  opsgenie: 'Alerts API URL',
};

/** The user's destinations: add (URL stored server-side, shown masked), rotate a signing secret, delete. */
export function DestinationsPanel({ canEdit, onChange }: { canEdit: boolean; onChange?: (d: Destination[]) => void }) {
  const [list, setList] = useState<Destination[] | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DestinationKind>('slack');
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
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
    const keyed = KEYED_KINDS.has(kind);
    const ok = await act(() =>
      alertsApi.createDestination({ name: name.trim(), kind, url: url.trim(), sign: kind === 'webhook' && sign, ...(keyed ? { key: key.trim() } : {}) }),
    );
    if (ok) {
      setName('');
      setUrl('');
      setKey('');
    }
  }

  return (
    <section className="acc-panel" aria-labelledby="destinations-heading">
      <h2 id="destinations-heading">Destinations</h2>
      <p className="acc-muted">URLs and keys are secrets: they stay on the server (encrypted); URLs are shown here masked, keys never.</p>
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
                        <button
                          type="button"
                          className="acc-button acc-secondary"
                          disabled={busy}
                          onClick={() => void act(() => alertsApi.changeDestination(d.id, { rotateSecret: true }))}
                        >
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
          <p>
            Signing secret of “{secret.name}”, shown only now: receivers check <code>X-Trailbench-Signature</code> with it (see docs/alerts.md).
          </p>
          <input type="text" readOnly aria-label={`Signing secret of ${secret.name}`} value={secret.value} onFocus={(e) => e.target.select()} size={60} />{' '}
          <button type="button" className="acc-button acc-secondary" onClick={() => setSecret(null)}>
            I have copied it
          </button>
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
            <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as DestinationKind)}>
              {DESTINATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="acc-grow">
            {URL_LABEL[kind]}
            <input
              type="text"
              required={!DEFAULT_URLS[kind]}
              maxLength={2048}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder={URL_EXAMPLE[kind]}
              autoComplete="off"
            />
          </label>
          {KEYED_KINDS.has(kind) && (
            <label>
              {kind === 'pagerduty' ? 'Routing key' : 'API key'}
              <input type="password" required maxLength={200} value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" />
            </label>
          )}
          {kind === 'webhook' && (
            <label className="acc-check">
              <input type="checkbox" checked={sign} onChange={(e) => setSign(e.target.checked)} /> Sign requests (HMAC-SHA256)
            </label>
          )}
          <SubmitButton
            className="acc-button"
            disabled={busy || !name.trim() || (!url.trim() && !DEFAULT_URLS[kind]) || (KEYED_KINDS.has(kind) && !key.trim())}
          >
            Add destination
          </SubmitButton>
        </form>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
