'use client';

import { memo } from 'react';
import { ENTITY_LABELS, type Entity } from '@/lib/workbench/pivots';

export interface GridColumn {
  index: number;
  start: number;
  key: number | string | bigint;
}

interface GridRowProps {
  /** Position in the view (filtered, sorted) and in the page's rows. */
  viewIndex: number;
  rowIndex: number;
  /** Row number in the whole result. */
  n: number;
  row: (string | null)[];
  top: number;
  cols: GridColumn[];
  widths: number[];
  totalWidth: number;
  height: number;
  rownumWidth: number;
  /** The active cell's column when it is in this row, else -1. */
  activeCol: number;
  cellId: (viewIndex: number, col: number) => string;
  entityOf?: (rowIndex: number, col: number) => Entity | undefined;
  onCellDown: (viewIndex: number, col: number) => void;
  onView: () => void;
  onOpenEvent?: (rowIndex: number) => void;
  onPivot?: (entity: Entity) => void;
}

/** Cells show at most this much text; the cell viewer shows all of it. */
const CELL_TEXT_MAX = 300;
/** A number as the lake writes one (integers, decimals, doubles): right-aligned so digits line up. */
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * One rendered row of the results grid. Memoised with stable callbacks, so scrolling renders only
 * the rows that come into view.
 */
export const GridRow = memo(function GridRow(p: GridRowProps) {
  const { viewIndex, rowIndex, n, row, cols, widths, activeCol, entityOf } = p;
  return (
    <div
      role="row"
      aria-rowindex={viewIndex + 2}
      className={`grid-row${viewIndex % 2 ? ' grid-row-alt' : ''}`}
      style={{ width: p.totalWidth, height: p.height, transform: `translateY(${p.top}px)` }}
    >
      <div role="rowheader" aria-colindex={1} aria-label={String(n)} className="grid-rownum" style={{ width: p.rownumWidth }}>
        {p.onOpenEvent && (
          <button
            type="button"
            tabIndex={-1}
            className="grid-icon-btn"
            aria-label={`Open event of row ${n}`}
            title="Open the whole event"
            onClick={() => p.onOpenEvent!(rowIndex)}
          >
            <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10">
              <path d="M1 1h8v8H1zM3 3.5h4M3 5.5h4M3 7.5h2" fill="none" stroke="currentColor" />
            </svg>
          </button>
        )}
        {n}
      </div>
      {cols.map((c) => {
        const isNull = row[c.index] === null;
        const value = row[c.index] ?? '';
        const entity = entityOf?.(rowIndex, c.index);
        const isActive = activeCol === c.index;
        return (
          <div
            key={c.key}
            id={p.cellId(viewIndex, c.index)}
            role="gridcell"
            aria-colindex={c.index + 2}
            aria-selected={isActive}
            aria-label={entity ? value : undefined}
            className={`grid-cell${isActive ? ' is-active' : ''}${NUMBER.test(value) ? ' is-number' : ''}`}
            style={{ left: c.start, width: widths[c.index] }}
            onMouseDown={() => p.onCellDown(viewIndex, c.index)}
            onDoubleClick={p.onView}
          >
            {isNull ? (
              <span className="grid-text grid-null">NULL</span>
            ) : (
              <span className="grid-text">{value.length > CELL_TEXT_MAX ? `${value.slice(0, CELL_TEXT_MAX)}…` : value}</span>
            )}
            {entity && p.onPivot && (
              <button
                type="button"
                tabIndex={-1}
                className="grid-icon-btn grid-pivot"
                aria-label={`Pivot on ${ENTITY_LABELS[entity.kind]} ${entity.value}`}
                title={`New tab: events of this ${ENTITY_LABELS[entity.kind]} in the same time window`}
                onClick={() => p.onPivot!(entity)}
              >
                <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10">
                  <path d="M4 1H1v8h8V6M6 1h3v3M9 1 4.5 5.5" fill="none" stroke="currentColor" />
                </svg>
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
});
