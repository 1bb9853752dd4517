'use client';

import { ENTITY_LABELS, type Entity } from '@/lib/workbench/pivots';

interface CellActionsProps {
  column: string;
  rowNumber: number;
  entity?: Entity;
  onView: () => void;
  onCopyCell: () => void;
  onCopyRow: () => void;
  onCopyColumn: () => void;
  /** Present when the row has an eventID and the store is known. */
  onOpenEvent?: () => void;
  onPivot?: (entity: Entity) => void;
  /** Last copy outcome, announced politely. */
  message: string;
}

/** What can be done with the active cell: the keyboard path to everything the grid offers by mouse. */
export function CellActions({ column, rowNumber, entity, onView, onCopyCell, onCopyRow, onCopyColumn, onOpenEvent, onPivot, message }: CellActionsProps) {
  return (
    <div role="toolbar" aria-label="Cell actions" className="cell-actions">
      <span className="cell-actions-where">
        Row {rowNumber} · <code>{column}</code>
      </span>
      <button type="button" className="btn btn-small" onClick={onView} aria-keyshortcuts="Enter">
        View cell
      </button>
      <button type="button" className="btn btn-small" onClick={onCopyCell} aria-keyshortcuts="Control+C Meta+C">
        Copy cell
      </button>
      <button type="button" className="btn btn-small" onClick={onCopyRow}>
        Copy row
      </button>
      <button type="button" className="btn btn-small" onClick={onCopyColumn} title="Copy this column of the rows shown (loaded page, filter and sort applied)">
        Copy column
      </button>
      {onOpenEvent && (
        <button type="button" className="btn btn-small" onClick={onOpenEvent}>
          Open event
        </button>
      )}
      {entity && onPivot && (
        <button type="button" className="btn btn-small" onClick={() => onPivot(entity)} title="New tab: this entity's events in the same time window">
          Pivot on {ENTITY_LABELS[entity.kind]}
        </button>
      )}
      <span className="muted" aria-live="polite">
        {message}
      </span>
    </div>
  );
}
