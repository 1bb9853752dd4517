'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { SqlEditor } from '../editor/sql-editor';
import { ResultsPanel } from '../results/results-panel';
import { isAbortError, listStores, type EventDataStore } from './api-client';
import { QueryStatus } from './query-status';
import { StorePicker } from './store-picker';
import { useQueryRun, type RunPhase } from './use-query-run';

export const SAMPLE_QUERY = `SELECT eventName, count(*) AS n
FROM $EDS_ID
WHERE eventTime > date_add('day', -7, now())
GROUP BY eventName
ORDER BY n DESC`;

/** The query workbench: store picker, SQL editor, run/cancel, status and statistics, results. */
export function Workbench() {
  const [stores, setStores] = useState<EventDataStore[] | null>(null);
  const [storesError, setStoresError] = useState<string | null>(null);
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const sqlRef = useRef(SAMPLE_QUERY);
  const { state, active, run, cancel } = useQueryRun();
  const [resultRows, setResultRows] = useState<number | undefined>(undefined);

  useEffect(() => {
    const ctrl = new AbortController();
    listStores(ctrl.signal)
      .then((list) => {
        setStores(list);
        setStoreId((current) => current ?? list[0]?.id);
      })
      .catch((err: unknown) => {
        if (isAbortError(err)) return;
        setStores([]);
        setStoresError(err instanceof Error ? err.message : String(err));
      });
    return () => ctrl.abort();
  }, []);

  // The editor's Ctrl/Cmd+Enter handler is registered once; read the store through a ref.
  const storeIdRef = useRef(storeId);
  useEffect(() => {
    storeIdRef.current = storeId;
  }, [storeId]);

  const runQuery = useCallback(
    (sql: string) => {
      if (!sql.trim()) return;
      setResultRows(undefined);
      void run(sql, storeIdRef.current);
    },
    [run],
  );

  const onSqlChange = useCallback((sql: string) => {
    sqlRef.current = sql;
  }, []);

  const finishedQueryId = state.phase === 'done' && state.status === 'FINISHED' ? state.queryId : undefined;

  return (
    <main className="workbench">
      <div className="toolbar">
        <StorePicker stores={stores} loadError={storesError} value={storeId} onChange={setStoreId} />
        <div className="spacer" />
        {active && (
          <button type="button" className="btn" onClick={cancel} disabled={state.cancelling}>
            Cancel
          </button>
        )}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => runQuery(sqlRef.current)}
          disabled={active}
          title="Run the query (Ctrl+Enter / ⌘+Enter)"
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10">
            <path d="M1 0.5 9 5 1 9.5z" fill="currentColor" />
          </svg>
          Run
        </button>
      </div>
      <SqlEditor defaultValue={SAMPLE_QUERY} onChange={onSqlChange} onRun={runQuery} />
      <QueryStatus state={state} resultRows={resultRows} />
      {finishedQueryId ? (
        <ResultsPanel key={finishedQueryId} queryId={finishedQueryId} onTotal={setResultRows} />
      ) : (
        <div className="results results-empty">
          <span className="muted">{emptyResultsText(state.phase)}</span>
        </div>
      )}
    </main>
  );
}

function emptyResultsText(phase: RunPhase): string {
  if (phase === 'idle') return 'Run a query to see its results here.';
  if (phase === 'done') return 'No results.';
  return 'Results appear here when the query finishes.';
}
