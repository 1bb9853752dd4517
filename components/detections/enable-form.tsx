'use client';

import { useState } from 'react';
import { confirmWithoutDestination, DestinationPicker } from '../alerts/destination-picker';
import { SubmitButton } from '../forms/submit-button';
import { detectionsApi, type DetectionListing } from './api';
import { ErrorAlert } from '../forms/error-alert';

type Param = DetectionListing['parameters'][number];
const initial = (p: Param) => (Array.isArray(p.default) ? p.default.join(', ') : String(p.default ?? ''));
const valueOf = (p: Param, text: string) =>
  p.type === 'multiSelect'
    ? text
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : text.trim();

/** Enable in one step: parameters (defaults filled), how often it runs, and who hears of it. */
export function EnableForm({
  detection,
  store,
  onEnabled,
}: {
  detection: DetectionListing;
  store: { storeId: string; connectionId: string | null };
  onEnabled: () => void;
}) {
  const [params, setParams] = useState<Record<string, string>>(() => Object.fromEntries(detection.parameters.map((p) => [p.name, initial(p)])));
  const [minutes, setMinutes] = useState('60');
  const [destinationIds, setDestinationIds] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function enable() {
    if (!confirmWithoutDestination(destinationIds)) return;
    setBusy(true);
    setError('');
    try {
      await detectionsApi.enable(detection.id, {
        ...store,
        destinationIds,
        schedule: { kind: 'every', minutes: Number(minutes) },
        params: Object.fromEntries(detection.parameters.map((p) => [p.name, valueOf(p, params[p.name] ?? '')])),
      });
      onEnabled();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="acc-form"
      aria-label={`Enable ${detection.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        void enable();
      }}
    >
      <div className="acc-row">
        {detection.parameters.map((p) => (
          <label key={p.name} className={p.type === 'multiSelect' ? 'acc-grow' : undefined} title={p.description}>
            {p.label ?? p.name}
            {p.options && p.type === 'oneOf' ? (
              <select aria-label={p.label ?? p.name} value={params[p.name]} onChange={(e) => setParams({ ...params, [p.name]: e.target.value })}>
                {p.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input aria-label={p.label ?? p.name} value={params[p.name] ?? ''} onChange={(e) => setParams({ ...params, [p.name]: e.target.value })} />
            )}
          </label>
        ))}
        <label>
          Run every (minutes)
          <input type="number" min={1} max={10080} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
      </div>
      <DestinationPicker value={destinationIds} onChange={setDestinationIds} preselectSingle />
      <div className="acc-row">
        <SubmitButton className="acc-button" disabled={busy}>
          Enable
        </SubmitButton>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
