'use client';

import { ResultsTable } from '@/components/results/results-table';
import { exportUrl } from '../api/queries';
import { formatBytes, formatCost, formatCount, formatDuration } from '../format';
import { useSavedRun } from './use-saved-run';

/** Run the saved query (as saved, on its default store): status, statistics, the first rows and exports. */
export function RunPanel({ queryId, unsaved }: { queryId: string; unsaved: boolean }) {
  const { run, start } = useSavedRun(queryId);
  const d = run.description;
  const status = run.running && !d ? 'STARTING' : d?.status;
  const stats = d?.statistics;

  return (
    <section className="acc-panel" aria-labelledby="run-heading">
      <h2 id="run-heading">Run</h2>
      <div className="acc-row">
        <button type="button" className="acc-button" onClick={() => void start()} disabled={run.running}>
          Run
        </button>
        {unsaved && <span className="acc-muted">Runs the saved version; save first to run your changes.</span>}
        {status && (
          <span>
            Status: <strong role="status" aria-label="Query status">{status}</strong>
          </span>
        )}
      </div>
      {run.error && <p role="alert" className="acc-error">{run.error}</p>}
      {stats && !run.running && (
        <dl className="acc-stats">
          <dt>Bytes scanned</dt>
          <dd>{formatBytes(stats.bytesScanned)}</dd>
          <dt>Cost</dt>
          <dd>{formatCost(d?.costUsd)}</dd>
          <dt>Execution time</dt>
          <dd>{formatDuration(stats.executionTimeInMillis)}</dd>
          <dt>Rows</dt>
          <dd>{formatCount(run.results?.totalResultsCount)}</dd>
        </dl>
      )}
      {run.results && run.handle && (
        <>
          <div className="acc-row">
            <span className="acc-muted">
              {run.results.rows.length === 0
                ? 'No rows.'
                : `Rows 1–${run.results.rows.length} of ${run.results.totalResultsCount ?? run.results.rows.length}`}
            </span>
            <a className="acc-button acc-link-button" href={exportUrl(run.handle, { format: 'csv', scope: 'all', formulaGuard: true })} download>
              Export CSV
            </a>
            <a className="acc-button acc-link-button acc-secondary" href={exportUrl(run.handle, { format: 'jsonl', scope: 'all', formulaGuard: true })} download>
              Export JSONL
            </a>
          </div>
          {run.results.rows.length > 0 && (
            <div className="acc-results">
              <ResultsTable columns={run.results.columns} rows={run.results.rows} offset={0} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
