'use client';

import { useEffect, useState } from 'react';
import { StoreSelect, type StoreChoice } from '../forms/store-select';
import { alertsApi, type AlertTemplate, type TemplateParam } from './api';
import { confirmWithoutDestination, DestinationPicker } from './destination-picker';
import { SubmitButton } from '../forms/submit-button';
import { ErrorAlert } from '../forms/error-alert';

const initial = (p: TemplateParam) => (Array.isArray(p.default) ? p.default.join(', ') : String(p.default ?? ''));

/** The seed's two monitors as ready-made alerts: pick one, a store, its parameters and destinations. */
export function TemplateForm() {
  const [templates, setTemplates] = useState<AlertTemplate[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [store, setStore] = useState<StoreChoice>({ storeId: null, connectionId: null });
  const [params, setParams] = useState<Record<string, string>>({});
  const [destinationIds, setDestinationIds] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    alertsApi.templates().then(setTemplates, (e: unknown) => setError((e as Error).message));
  }, []);
  const t = templates.find((x) => x.id === templateId);

  function pick(id: string) {
    setTemplateId(id);
    const next = templates.find((x) => x.id === id);
    setParams(Object.fromEntries((next?.params ?? []).map((p) => [p.name, initial(p)])));
  }

  async function create() {
    if (!t || !store.storeId || !confirmWithoutDestination(destinationIds)) return;
    setBusy(true);
    setError('');
    try {
      const values = Object.fromEntries(
        t.params.map((p) => [
          p.name,
          p.kind === 'ip-list'
            ? params[p.name]
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean)
            : Number(params[p.name]),
        ]),
      );
      const { rule } = await alertsApi.fromTemplate(t.id, { storeId: store.storeId, connectionId: store.connectionId, params: values, destinationIds });
      window.location.assign(`/alerts/${rule.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <section className="acc-panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading">New alert from a template</h2>
      <form
        className="acc-form"
        aria-label="New alert from a template"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div className="acc-row">
          <label>
            Template
            <select aria-label="Template" value={templateId} onChange={(e) => pick(e.target.value)}>
              <option value="">Choose a template…</option>
              {templates.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
          </label>
          <StoreSelect value={store} onChange={setStore} label="Store to watch" noneLabel="Choose a store…" />
        </div>
        {t && (
          <>
            <p className="acc-muted">{t.description} Creates a saved query (folder “Alerts”) and a rule on it, which you can change afterwards.</p>
            <div className="acc-row">
              {t.params.map((p) => (
                <label key={p.name} className={p.kind === 'ip-list' ? 'acc-grow' : undefined} title={p.help || undefined}>
                  {p.label}
                  <input
                    type={p.kind === 'integer' ? 'number' : 'text'}
                    min={p.kind === 'integer' ? 1 : undefined}
                    required
                    value={params[p.name] ?? ''}
                    onChange={(e) => setParams({ ...params, [p.name]: e.target.value })}
                  />
                </label>
              ))}
            </div>
            <DestinationPicker value={destinationIds} onChange={setDestinationIds} preselectSingle />
          </>
        )}
        <div className="acc-row">
          <SubmitButton className="acc-button" disabled={!t || !store.storeId || busy}>
            Create alert
          </SubmitButton>
        </div>
        <ErrorAlert message={error} />
      </form>
    </section>
  );
}
