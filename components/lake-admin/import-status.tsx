'use client';

import { useEffect, useState } from 'react';
import { formatCount } from '../format';
import { lakeApi, type ImportDetail } from './api';
import { formatSeconds, formatTime } from './format';
import { importProgress } from './import-progress';
import { TableHead } from './table-head';
import { ErrorAlert } from '../forms/error-alert';

const POLL_MS = 1000;

/** One import, live: a progress bar, files, events, failures, rate and time left; its failures; Stop. */
export function ImportStatus({ importId, canStop, onChanged }: { importId: string; canStop: boolean; onChanged: () => void }) {
  const [imp, setImp] = useState<ImportDetail | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await lakeApi.importDetail(importId);
        if (!live) return;
        setImp(next);
        setError('');
        if (importProgress(next).running) timer = setTimeout(poll, POLL_MS);
        else onChanged();
      } catch (e) {
        if (live) setError((e as Error).message);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [importId, onChanged]);

  if (!imp)
    return error ? (
      <p role="alert" className="acc-error">
        {error}
      </p>
    ) : (
      <p className="acc-muted">Loading…</p>
    );
  const p = importProgress(imp);
  return (
    <section className="acc-panel" aria-label={`Import ${imp.ImportId}`}>
      <h2>Import {imp.ImportId}</h2>
      <p>
        From <code>{imp.ImportSource?.S3?.S3LocationUri}</code>
        {(imp.StartEventTime || imp.EndEventTime) && (
          <>
            , events from {formatTime(imp.StartEventTime)} to {formatTime(imp.EndEventTime)}
          </>
        )}
      </p>
      <p role="status" aria-label="Import status">
        {imp.ImportStatus}
      </p>
      <progress className="lk-progress" aria-label="Import progress" max={1} value={p.fraction} />
      <dl className="lk-settings" aria-label="Import statistics">
        <dt>Files</dt>
        <dd>{formatCount(p.files)}</dd>
        <dt>Events</dt>
        <dd>{formatCount(p.events)}</dd>
        <dt>Failures</dt>
        <dd>{formatCount(p.failures)}</dd>
        <dt>Rate</dt>
        <dd>{p.rate !== undefined ? `${Math.round(p.rate).toLocaleString('en-US')} events/s` : '—'}</dd>
        <dt>Time left</dt>
        <dd>{p.running ? formatSeconds(p.etaSeconds) : '—'}</dd>
      </dl>
      {canStop && p.running && (
        <button
          type="button"
          className="acc-button acc-danger"
          onClick={() =>
            lakeApi.stopImport(imp.ImportId).then(
              () => undefined,
              (e: Error) => setError(e.message),
            )
          }
        >
          Stop import
        </button>
      )}
      <ErrorAlert message={error} />
      <h3>Failures</h3>
      {imp.Failures.length === 0 ? (
        <p className="acc-muted">No failures.</p>
      ) : (
        <table className="acc-table" aria-label="Import failures">
          <TableHead columns={['File', 'Error', 'Reason']} />
          <tbody>
            {imp.Failures.map((f, i) => (
              <tr key={i}>
                <td className="acc-id">{f.Location}</td>
                <td>{f.ErrorType}</td>
                <td>{f.ErrorMessage}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
