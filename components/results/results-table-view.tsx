'use client';

import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { detectEntity, pivotSql, pivotTitle, type Entity } from '@/lib/workbench/pivots';
import { eventLookupSql, type TimeWindow } from '@/lib/workbench/follow-up-sql';
import type { EventDataStore } from '../api/queries';
import { CellActions } from './cell-actions';
import { CellViewer } from './cell-viewer';
import { EventDrawer } from './event-drawer';
import { columnText, filterRows, nextSort, rowText, sortRows, type SortState } from './page-view';
import { ResultsGrid, type ActiveCell } from './results-grid';
import { useClipboard } from './use-clipboard';

/** What follow-up queries (event lookups, pivots) need: the store, the original window, a way to open a tab. */
export interface FollowUp {
  store: EventDataStore;
  window: TimeWindow;
  onOpenQuery: (query: { title: string; sql: string }) => void;
}

interface ResultsTableViewProps {
  columns: string[];
  rows: (string | null)[][];
  offset: number;
  busy?: boolean;
  followUp?: FollowUp;
}

/** The loaded page as a grid with filter, sort, cell actions, the cell viewer and the event drawer. */
export function ResultsTableView({ columns, rows, offset, busy, followUp }: ResultsTableViewProps) {
  const filterId = useId();
  const hintId = useId();
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [sort, setSort] = useState<SortState | null>(null);
  const [active, setActive] = useState<ActiveCell>({ row: 0, col: 0 });
  const [viewing, setViewing] = useState(false);
  const [eventRow, setEventRow] = useState<number | null>(null);
  const { copy, message } = useClipboard();

  const order = useMemo(() => sortRows(rows, filterRows(rows, deferredFilter), sort), [rows, deferredFilter, sort]);
  useEffect(() => setActive({ row: 0, col: 0 }), [rows, deferredFilter]);

  const eventIdCol = columns.findIndex((c) => c.toLowerCase() === 'eventid');
  const eventTimeCol = columns.findIndex((c) => c.toLowerCase() === 'eventtime');
  const canOpenEvent = followUp && eventIdCol >= 0;
  const openEvent = canOpenEvent ? (rowIndex: number) => rows[rowIndex][eventIdCol] && setEventRow(rowIndex) : undefined;
  const pivot = followUp
    ? (entity: Entity) => followUp.onOpenQuery({ title: pivotTitle(entity), sql: pivotSql(entity, followUp.store.id, followUp.window) })
    : undefined;

  const rowIndex = order[active.row];
  const hasCell = rowIndex !== undefined && active.col < columns.length;
  const value = hasCell ? (rows[rowIndex][active.col] ?? '') : '';
  const rowNumber = hasCell ? offset + rowIndex + 1 : 0;
  const entity = hasCell ? detectEntity(columns[active.col], value) : undefined;

  return (
    <div className="results-table-view">
      <div className="results-controls">
        <div className="results-filter">
          <label htmlFor={filterId}>Filter this page</label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={`Text in any of ${rows.length.toLocaleString('en-US')} rows`}
            aria-describedby={hintId}
          />
          {/* the match count shows; the rest is the filter's and the grid's description (no line of its own) */}
          <span id={hintId} className="muted">
            {deferredFilter.trim() ? `${order.length.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} loaded rows match.` : ''}
            <span className="visually-hidden">
              {' '}
              Sort and filter apply to the {rows.length.toLocaleString('en-US')} rows loaded on this page only. Arrow keys move between cells, Enter opens one,
              Ctrl+C copies it.
            </span>
          </span>
        </div>
        {hasCell && (
          <CellActions
            column={columns[active.col]}
            rowNumber={rowNumber}
            entity={entity}
            onView={() => setViewing(true)}
            onCopyCell={() => void copy(value, 'cell')}
            onCopyRow={() => void copy(rowText(columns, rows[rowIndex]), `row ${rowNumber}`)}
            onCopyColumn={() => void copy(columnText(columns[active.col], rows, order, active.col), `column ${columns[active.col]} (${order.length} rows)`)}
            onOpenEvent={openEvent && (() => openEvent(rowIndex))}
            onPivot={pivot}
            message={message}
          />
        )}
      </div>
      <ResultsGrid
        columns={columns}
        rows={rows}
        order={order}
        offset={offset}
        busy={busy}
        sort={sort}
        onSort={(col) => setSort((s) => nextSort(s, col))}
        active={active}
        onActive={setActive}
        onView={() => hasCell && setViewing(true)}
        onCopyCell={() => hasCell && void copy(value, 'cell')}
        onOpenEvent={openEvent}
        onPivot={pivot}
        describedBy={hintId}
      />
      {viewing && hasCell && (
        <CellViewer column={columns[active.col]} rowNumber={rowNumber} value={value} onCopy={(t, w) => void copy(t, w)} onClose={() => setViewing(false)} />
      )}
      {eventRow !== null && followUp && (
        <EventDrawer
          eventId={rows[eventRow][eventIdCol] ?? ''}
          sql={eventLookupSql(
            followUp.store.id,
            rows[eventRow][eventIdCol] ?? '',
            followUp.window,
            eventTimeCol >= 0 ? (rows[eventRow][eventTimeCol] ?? undefined) : undefined,
          )}
          store={followUp.store}
          onCopy={(t, w) => void copy(t, w)}
          onOpenQuery={(sql) => {
            setEventRow(null);
            followUp.onOpenQuery({ title: `Event ${(rows[eventRow][eventIdCol] ?? '').slice(0, 8)}`, sql });
          }}
          onPivot={(entity) => {
            setEventRow(null);
            pivot?.(entity);
          }}
          onClose={() => setEventRow(null)}
        />
      )}
    </div>
  );
}
