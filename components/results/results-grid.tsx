'use client';

import { useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { detectEntity, type Entity } from '@/lib/workbench/pivots';
import { ColumnHeader } from './column-header';
import { GridRow, type GridColumn } from './grid-row';
import { useColumnWidths } from './use-column-widths';
import type { SortState } from './page-view';

export interface ActiveCell {
  /** Position in the view (after filter and sort). */
  row: number;
  col: number;
}

interface ResultsGridProps {
  columns: string[];
  rows: (string | null)[][];
  /** Row indices in view order (filtered and sorted). */
  order: number[];
  /** Zero-based position of rows[0] in the whole result. */
  offset: number;
  busy?: boolean;
  sort: SortState | null;
  onSort: (column: number) => void;
  active: ActiveCell;
  onActive: (cell: ActiveCell) => void;
  /** Enter or double-click on a cell. */
  onView: () => void;
  /** Ctrl/⌘+C on the grid. */
  onCopyCell: () => void;
  /** When the result has an eventID column: open the row's whole event. */
  onOpenEvent?: (rowIndex: number) => void;
  onPivot?: (entity: Entity) => void;
  describedBy?: string;
}

const ROW_H = 24;
const HEAD_H = 30;

/**
 * The loaded page as an ARIA grid, virtualised in both directions: only the rows and columns in
 * view (plus a margin) are in the DOM, so 1,000 rows of 40 wide columns scroll smoothly. Focus
 * stays on the grid and the active cell is its aria-activedescendant.
 */
export function ResultsGrid(props: ResultsGridProps) {
  const { columns, rows, order, offset, busy, sort, onSort, active, onActive, onOpenEvent, onPivot } = props;
  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { widths, resize } = useColumnWidths(columns, rows);
  const lastRowNumber = offset + rows.length;
  const rownumWidth = Math.max(52, String(lastRowNumber).length * 8 + (onOpenEvent ? 40 : 20));

  const rowV = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    paddingStart: HEAD_H,
    overscan: 12,
  });
  const colV = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => widths[i] ?? 120,
    paddingStart: rownumWidth,
    overscan: 2,
  });
  useEffect(() => colV.measure(), [colV, widths, rownumWidth]);

  // A new page starts at its top-left corner.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0, left: 0 });
  }, [rows]);

  const virtualRows = rowV.getVirtualItems();
  const virtualCols = colV.getVirtualItems();
  const activeRendered = virtualRows.some((r) => r.index === active.row) && virtualCols.some((c) => c.index === active.col);

  const move = (row: number, col: number) => {
    const next = { row: clamp(row, 0, order.length - 1), col: clamp(col, 0, columns.length - 1) };
    onActive(next);
    rowV.scrollToIndex(next.row, { align: 'auto' });
    colV.scrollToIndex(next.col, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || order.length === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_H) - 2);
    const mod = e.ctrlKey || e.metaKey;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active.row + 1, active.col),
      ArrowUp: () => move(active.row - 1, active.col),
      ArrowRight: () => move(active.row, active.col + 1),
      ArrowLeft: () => move(active.row, active.col - 1),
      PageDown: () => move(active.row + page, active.col),
      PageUp: () => move(active.row - page, active.col),
      Home: () => move(mod ? 0 : active.row, 0),
      End: () => move(mod ? order.length - 1 : active.row, columns.length - 1),
      Enter: () => props.onView(),
    };
    if (mod && e.key.toLowerCase() === 'c' && !window.getSelection()?.toString()) {
      e.preventDefault();
      props.onCopyCell();
      return;
    }
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const totalWidth = colV.getTotalSize();
  // Same columns in view → same array, so rows that stay in view are not rendered again.
  const colsKey = virtualCols.map((c) => `${c.index}:${c.start}`).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the columns' positions, not the virtualizer's new array
  const cols = useMemo<GridColumn[]>(() => virtualCols.map(({ index, start, key }) => ({ index, start, key })), [colsKey]);
  const entityOf = useMemo(() => {
    const cache = new Map<number, Entity | null>();
    return (row: number, col: number): Entity | undefined => {
      const key = row * 100_000 + col;
      let e = cache.get(key);
      if (e === undefined) {
        e = detectEntity(columns[col], rows[row][col] ?? '') ?? null;
        cache.set(key, e);
      }
      return e ?? undefined;
    };
  }, [columns, rows]);

  // Callbacks that keep their identity while the props behind them change (GridRow is memoised).
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const stable = useMemo(
    () => ({
      onView: () => latest.current.onView(),
      onOpenEvent: (rowIndex: number) => latest.current.onOpenEvent?.(rowIndex),
      onPivot: (entity: Entity) => latest.current.onPivot?.(entity),
    }),
    [],
  );
  const onCellDown = useCallback((row: number, col: number) => latest.current.onActive({ row, col }), []);
  const cellId = useCallback((row: number, col: number) => `${gridId}-${row}-${col}`, [gridId]);

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Query results"
      aria-rowcount={order.length + 1}
      aria-colcount={columns.length + 1}
      aria-busy={busy || undefined}
      aria-describedby={props.describedBy}
      aria-activedescendant={activeRendered ? cellId(active.row, active.col) : undefined}
      tabIndex={0}
      className={`results-grid${busy ? ' is-loading' : ''}`}
      onKeyDown={onKeyDown}
    >
      <div className="grid-sizer" style={{ height: rowV.getTotalSize(), width: totalWidth }}>
        <div role="row" aria-rowindex={1} className="grid-row grid-head" style={{ width: totalWidth, height: HEAD_H }}>
          <div role="columnheader" aria-colindex={1} aria-label="Row number" className="grid-rownum" style={{ width: rownumWidth }}>
            #
          </div>
          {virtualCols.map((c) => (
            <ColumnHeader
              key={c.key}
              name={columns[c.index]}
              index={c.index}
              left={c.start}
              width={widths[c.index]}
              sort={sort?.column === c.index ? sort.direction : undefined}
              onSort={() => onSort(c.index)}
              onResize={(w) => resize(c.index, w)}
            />
          ))}
        </div>
        {virtualRows.map((r) => {
          const rowIndex = order[r.index];
          return (
            <GridRow
              key={r.key}
              viewIndex={r.index}
              rowIndex={rowIndex}
              n={offset + rowIndex + 1}
              row={rows[rowIndex]}
              top={r.start}
              cols={cols}
              widths={widths}
              totalWidth={totalWidth}
              height={ROW_H}
              rownumWidth={rownumWidth}
              activeCol={active.row === r.index ? active.col : -1}
              cellId={cellId}
              entityOf={onPivot ? entityOf : undefined}
              onCellDown={onCellDown}
              onView={stable.onView}
              onOpenEvent={onOpenEvent && stable.onOpenEvent}
              onPivot={onPivot && stable.onPivot}
            />
          );
        })}
      </div>
    </div>
  );
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
