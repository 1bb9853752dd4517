'use client';

import { useEffect, useState } from 'react';
import { formatCount } from '../format';
import { lakeApi, type ImportDetail } from './api';
import { formatTime } from './format';
import { importProgress } from './import-progress';
import { TableHead } from './table-head';
import { ErrorAlert } from '../forms/error-alert';

/** Past and running imports with their statistics (of one store when `destination` is given). */
export function ImportsTable({ destination, onOpen, refreshKey }: { destination?: string; onOpen: (importId: string) => void; refreshKey?: unknown }) {
  const [imports, setImports] = useState<ImportDetail[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    lakeApi.imports(destination).then(
      (r) => setImports(r.imports),
      (e: Error) => setError(e.message),
    );
  }, [destination, refreshKey]);
  if (error) return <ErrorAlert message={error} />;
  if (!imports) return <p className="acc-muted">Loading…</p>;
  if (!imports.length) return <p className="acc-muted">No imports yet.</p>;
  return (
    <table className="acc-table" aria-label="Imports">
      <TableHead columns={['Started', 'Source', 'Status', '#Files', '#Events', '#Failures', 'Import']} />
      <tbody>
        {imports.map((i) => {
          const p = importProgress(i);
          return (
            <tr key={i.ImportId}>
              <td>{formatTime(i.CreatedTimestamp)}</td>
              <td className="acc-clip">{i.ImportSource?.S3?.S3LocationUri}</td>
              <td>{i.ImportStatus}</td>
              <td className="acc-num">{formatCount(p.files)}</td>
              <td className="acc-num">{formatCount(p.events)}</td>
              <td className="acc-num">{formatCount(p.failures)}</td>
              <td>
                <button type="button" className="acc-button acc-secondary" onClick={() => onOpen(i.ImportId)}>
                  Open import {i.ImportId.slice(0, 8)}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
