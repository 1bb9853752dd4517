'use client';

import { useEffect, useId, useState } from 'react';
import type { QueryRunState } from './run-state';
import type { RunError } from '../api/query-polling';
import { formatBytes, formatCount, formatDuration, formatElapsed } from '../format';

interface QueryStatusProps {
  state: QueryRunState;
  /** Total result rows, once the first results page has arrived. */
  resultRows?: number;
}

/** Status badge, live elapsed time, statistics and the error of the current run. */
export function QueryStatus({ state, resultRows }: QueryStatusProps) {
  const { phase, status, statistics, error, queryId } = state;
  if (phase === 'idle') {
    return (
      <div className="query-status query-status-idle">
        <span className="muted">
          Press <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> or <b>Run</b>. <code>$EDS_ID</code> stands for the selected event data store.
        </span>
      </div>
    );
  }

  const label = phase === 'starting' ? 'SUBMITTING' : phase === 'waiting' ? 'WAITING' : status;
  const running = phase === 'starting' || phase === 'waiting' || phase === 'running';
  // live while RUNNING (bytes and events so far), final once done
  const showStats = (phase === 'done' || phase === 'running') && statistics && status !== undefined;

  return (
    <div className="query-status-wrap">
      {label && (
        <div className="query-status">
          <output aria-label="Query status" className={`status status-${label.toLowerCase()}`}>
            {label}
          </output>
          {running && state.startedAt !== undefined && <Elapsed since={state.startedAt} />}
          {state.cancelling && running && <span className="muted">Cancelling…</span>}
          {phase === 'waiting' && (
            <span className="muted" role="status">
              In line: the lake is running its maximum number of queries at once. This query starts as soon as one finishes (attempt {state.slotAttempts});
              Cancel stops waiting.
            </span>
          )}
          {showStats && (
            <dl className="stats" aria-label="Query statistics">
              {status === 'FINISHED' && <Stat term="Rows" value={formatCount(resultRows)} />}
              <Stat term="Events matched" value={formatCount(statistics.eventsMatched)} />
              <Stat term="Events scanned" value={formatCount(statistics.eventsScanned)} />
              <Stat
                term="Bytes scanned"
                value={formatBytes(statistics.bytesScanned)}
                title={statistics.bytesScanned !== undefined ? `${formatCount(statistics.bytesScanned)} bytes` : undefined}
              />
              <Stat term="Execution time" value={formatDuration(statistics.executionTimeInMillis)} />
            </dl>
          )}
          {queryId && (
            <span className="query-id" title={`Query ID ${queryId}`}>
              {queryId}
            </span>
          )}
        </div>
      )}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}

function Stat({ term, value, title }: { term: string; value: string; title?: string }) {
  return (
    <div className="stat">
      <dt>{term}</dt>
      <dd title={title}>{value}</dd>
    </div>
  );
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="elapsed">
      Elapsed <time>{formatElapsed(now - since)}</time>
    </span>
  );
}

export function ErrorAlert({ error }: { error: RunError }) {
  const titleId = useId();
  return (
    <div className="error-alert" role="alert" aria-labelledby={titleId}>
      <div className="error-title">
        <strong id={titleId}>{error.title}</strong>
        {error.type && <span className="error-type">{error.type}</span>}
      </div>
      <pre className="error-message">{error.message}</pre>
    </div>
  );
}
