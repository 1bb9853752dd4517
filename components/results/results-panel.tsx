'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ResultsChart } from '../charts/results-chart';
import { getQueryResults, type EventDataStore, type ResultsPage } from '../api/queries';
import { isAbortError } from '../api/request';
import { ExportMenu } from './export-menu';
import { ResultsTableView } from './results-table-view';
import { useQueryWindow } from './use-query-window';
import './results.css';

export const PAGE_SIZES = [100, 500, 1000] as const;

interface ResultsPanelProps {
  queryId: string;
  /** Reports totalResultsCount once the first page is in. */
  onTotal?: (total: number | undefined) => void;
  /** The store the query ran on: event lookups and pivots query it again (absent: no follow-ups). */
  store?: EventDataStore;
  /** When the query ran (Date.now()), to evaluate relative eventTime bounds as they were. */
  ranAt?: number;
  /** Opens a new workbench tab with this query and runs it. */
  onOpenQuery?: (query: { title: string; sql: string }) => void;
}

interface Paging {
  pageSize: number;
  pageIndex: number;
  /** tokens[i] fetches page i (tokens[0] is undefined); kept so Previous page works. */
  tokens: (string | undefined)[];
  /** offsets[i] is the zero-based row number of page i's first row. */
  offsets: number[];
}

const FIRST_PAGE = (pageSize: number): Paging => ({ pageSize, pageIndex: 0, tokens: [undefined], offsets: [0] });

/**
 * The result of one finished query, paged through the server's nextToken. Mount with key={queryId}
 * so a new query starts at page 1. Only the current page is held in the browser.
 */
export function ResultsPanel({ queryId, onTotal, store, ranAt, onOpenQuery }: ResultsPanelProps) {
  const sizeId = useId();
  const [view, setView] = useState<'table' | 'chart'>('table');
  const timeWindow = useQueryWindow(queryId, ranAt);
  const followUp = useMemo(() => (store && onOpenQuery ? { store, window: timeWindow, onOpenQuery } : undefined), [store, timeWindow, onOpenQuery]);
  const [paging, setPaging] = useState<Paging>(() => FIRST_PAGE(PAGE_SIZES[0]));
  const [page, setPage] = useState<ResultsPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  // A notification only: a new callback identity must not refetch the page.
  const onTotalRef = useRef(onTotal);
  useEffect(() => {
    onTotalRef.current = onTotal;
  });

  const { pageSize, pageIndex } = paging;
  const token = paging.tokens[pageIndex];

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    getQueryResults(queryId, { maxResults: pageSize, nextToken: token }, ctrl.signal)
      .then((result) => {
        setPage(result);
        setError(null);
        setLoading(false);
        setPaging((p) => {
          if (p.pageIndex !== pageIndex || p.pageSize !== pageSize) return p;
          const tokens = [...p.tokens];
          const offsets = [...p.offsets];
          tokens[pageIndex + 1] = result.nextToken;
          offsets[pageIndex + 1] = offsets[pageIndex] + result.rows.length;
          return { ...p, tokens, offsets };
        });
        if (pageIndex === 0) onTotalRef.current?.(result.totalResultsCount);
      })
      .catch((err: unknown) => {
        if (isAbortError(err)) return;
        setError(err instanceof Error ? err.message : String(err));
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [queryId, pageSize, pageIndex, token]);

  const offset = paging.offsets[pageIndex] ?? 0;
  const rowCount = page?.rows.length ?? 0;
  const total = page?.totalResultsCount;
  const hasNext = !!paging.tokens[pageIndex + 1] && !loading;
  const hasPrevious = pageIndex > 0 && !loading;

  const range =
    page === null
      ? loading
        ? 'Loading results…'
        : ''
      : rowCount === 0
        ? total
          ? `No rows on this page (of ${total})`
          : 'No rows'
        : `Rows ${offset + 1}–${offset + rowCount}${total !== undefined ? ` of ${total}` : ''}`;

  return (
    <section className="results" aria-label="Results">
      <div className="results-toolbar">
        <span className="results-range" aria-live="polite">
          {range}
        </span>
        <div className="spacer" />
        <div role="group" aria-label="Results view" className="view-switch">
          {(['table', 'chart'] as const).map((v) => (
            <button key={v} type="button" className="btn btn-small" aria-pressed={view === v} onClick={() => setView(v)}>
              {v === 'table' ? 'Table' : 'Chart'}
            </button>
          ))}
        </div>
        {page && page.columns.length > 0 && (
          <ExportMenu queryId={queryId} total={total} page={{ nextToken: token, size: pageSize, first: offset + 1, last: offset + rowCount }} />
        )}
        <label htmlFor={sizeId} className="muted">
          Rows per page
        </label>
        <select id={sizeId} value={pageSize} onChange={(e) => setPaging(FIRST_PAGE(Number(e.target.value)))} disabled={loading && page === null}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => setPaging((p) => ({ ...p, pageIndex: p.pageIndex - 1 }))} disabled={!hasPrevious}>
          Previous page
        </button>
        <button type="button" className="btn" onClick={() => setPaging((p) => ({ ...p, pageIndex: p.pageIndex + 1 }))} disabled={!hasNext}>
          Next page
        </button>
      </div>
      {error && <ResultsError message={error} />}
      {page &&
        page.columns.length > 0 &&
        (view === 'table' ? (
          <ResultsTableView columns={page.columns} rows={page.rows} offset={offset} busy={loading} followUp={followUp} />
        ) : (
          <ResultsChart columns={page.columns} rows={page.rows.map((r) => r.map((c) => c ?? ''))} first={offset + 1} last={offset + rowCount} />
        ))}
    </section>
  );
}

function ResultsError({ message }: { message: string }) {
  const titleId = useId();
  return (
    <div className="error-alert" role="alert" aria-labelledby={titleId}>
      <div className="error-title">
        <strong id={titleId}>Could not load results</strong>
      </div>
      <pre className="error-message">{message}</pre>
    </div>
  );
}
