'use client';

import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { SortDirection } from './page-view';

interface ColumnHeaderProps {
  name: string;
  index: number;
  left: number;
  width: number;
  sort?: SortDirection;
  onSort: () => void;
  onResize: (width: number) => void;
}

const KEY_STEP = 16;

/** A column's header: sort button (ascending, descending, none) and a resize handle (drag or arrow keys). */
export function ColumnHeader({ name, index, left, width, sort, onSort, onResize }: ColumnHeaderProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(drag.current.width + e.clientX - drag.current.x);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? KEY_STEP : e.key === 'ArrowLeft' ? -KEY_STEP : 0;
    if (!step) return;
    e.preventDefault();
    e.stopPropagation();
    onResize(width + step);
  };

  return (
    <div role="columnheader" aria-colindex={index + 2} aria-label={name} aria-sort={sort ?? 'none'} className="grid-colhead" style={{ left, width }}>
      <button type="button" className="grid-sort" onClick={onSort} title={`Sort the loaded page by ${name}`}>
        <span className="grid-colname">{name}</span>
        {sort && <span aria-hidden="true">{sort === 'ascending' ? '▲' : '▼'}</span>}
      </button>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize column ${name}`}
        aria-valuenow={Math.round(width)}
        tabIndex={0}
        className="grid-resize"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
