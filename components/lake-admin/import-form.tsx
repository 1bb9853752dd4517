'use client';

import { useEffect, useState } from 'react';
import { lakeApi, type StoreOverview } from './api';
import { ErrorAlert } from '../forms/error-alert';

/** Seconds since the epoch of a `datetime-local` value read as UTC, undefined when empty. */
function utcSeconds(local: string): number | undefined {
  return local ? Date.parse(`${local}:00Z`) / 1000 : undefined;
}

/** Start an import from file:// or s3:// into one or more stores, optionally only events in a time window. */
export function ImportForm({ preselect, onStarted }: { preselect?: string; onStarted: (importIds: string[]) => void }) {
  const [stores, setStores] = useState<StoreOverview[]>([]);
  const [source, setSource] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set(preselect ? [preselect] : []));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    lakeApi.stores().then(
      (r) => setStores(r.stores.filter((s) => s.store.Status !== 'PENDING_DELETION')),
      (e: Error) => setError(e.message),
    );
  }, []);

  async function submit() {
    setBusy(true);
    setError('');
    try {
      const destinations = stores.filter((s) => picked.has(s.id)).map((s) => s.store.EventDataStoreArn);
      const r = await lakeApi.startImport({ destinations, source: source.trim(), startEventTime: utcSeconds(start), endEventTime: utcSeconds(end) });
      onStarted(r.imports.map((i) => i.ImportId));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="acc-form acc-panel" aria-label="Start an import" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h2>Start an import</h2>
      <label>
        Source (file:///dir under the server&apos;s import roots, or s3://bucket/prefix)
        <input type="text" value={source} maxLength={1024} onChange={(e) => setSource(e.target.value)} />
      </label>
      <div className="acc-row">
        <label>
          Events from (UTC, optional)
          <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label>
          Events until (UTC, optional)
          <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
        </label>
      </div>
      <fieldset>
        <legend>Into event data stores</legend>
        {stores.map((s) => (
          <label className="acc-check" key={s.id}>
            <input
              type="checkbox"
              checked={picked.has(s.id)}
              onChange={(e) => setPicked((p) => (e.target.checked ? new Set([...p, s.id]) : new Set([...p].filter((x) => x !== s.id))))}
            />
            {s.store.Name}
          </label>
        ))}
      </fieldset>
      <ErrorAlert message={error} />
      <div>
        <button type="submit" className="acc-button" disabled={busy || !source.trim() || picked.size === 0}>
          Start import
        </button>
      </div>
    </form>
  );
}
