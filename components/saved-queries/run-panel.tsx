'use client';

import { useEffect, useState } from 'react';
import { ResultsTable } from '@/components/results/results-table';
import type { ParameterSpec } from '@/lib/parameters/types';
import { ParameterForm, type ParameterInputs } from '../parameters/parameter-form';
import { valuesForRun, valuesFromPageUrl } from '../parameters/page-url';
import { exportUrl } from '../api/queries';
import { formatBytes, formatCost, formatCount, formatDuration } from '../format';
import { useSavedRun } from './use-saved-run';
import { ErrorAlert } from '../forms/error-alert';

/**
 * Run the saved query (as saved, on its default store), with a form for its parameters: status,
 * statistics, the first rows and exports. The page URL carries the values (`?p.ip=...`), so a
 * link fills the form; Run puts the values it ran with there.
 */
export function RunPanel({ queryId, unsaved, parameters }: { queryId: string; unsaved: boolean; parameters: ParameterSpec[] }) {
  const { run, start } = useSavedRun(queryId);
  const [values, setValues] = useState<ParameterInputs>({});
  useEffect(() => {
    setValues(valuesFromPageUrl());
  }, []);
  const runWith = () => void start(valuesForRun(parameters, values));
  const d = run.description;
  const status = run.running && !d ? 'STARTING' : d?.status;
  const stats = d?.statistics;

  return (
    <section className="acc-panel" aria-labelledby="run-heading">
      <h2 id="run-heading">Run</h2>
      <ParameterForm specs={parameters} values={values} onValue={(name, v) => setValues((all) => ({ ...all, [name]: v }))} problems={run.problems} />
      <div className="acc-row">
        <button type="button" className="acc-button" onClick={runWith} disabled={run.running}>
          Run
        </button>
        {unsaved && <span className="acc-muted">Runs the saved version; save first to run your changes.</span>}
        {status && (
          <span>
            Status:{' '}
            <strong role="status" aria-label="Query status">
              {status}
            </strong>
          </span>
        )}
      </div>
      <ErrorAlert message={run.error} />
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
              {run.results.rows.length === 0 ? 'No rows.' : `Rows 1–${run.results.rows.length} of ${run.results.totalResultsCount ?? run.results.rows.length}`}
            </span>
            <a className="acc-button acc-link-button" href={exportUrl(run.handle, { format: 'csv', scope: 'all', formulaGuard: true })} download>
              Export CSV
            </a>
            <a
              className="acc-button acc-link-button acc-secondary"
              href={exportUrl(run.handle, { format: 'jsonl', scope: 'all', formulaGuard: true })}
              download
            >
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
