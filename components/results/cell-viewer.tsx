'use client';

import { useMemo } from 'react';
import { describeCell } from '@/lib/workbench/cell-value';
import { ModalDialog } from './modal-dialog';

interface CellViewerProps {
  column: string;
  rowNumber: number;
  value: string;
  onCopy: (text: string, what: string) => void;
  onClose: () => void;
}

const KIND_NOTES = {
  json: 'JSON, pretty-printed',
  struct: 'Map, row or array, shown as JSON',
  text: 'Text',
  empty: 'Empty (NULL)',
} as const;

/** One cell in full: JSON pretty-printed, maps/rows/arrays as JSON, long text wrapped. */
export function CellViewer({ column, rowNumber, value, onCopy, onClose }: CellViewerProps) {
  const view = useMemo(() => describeCell(value, column), [value, column]);
  return (
    <ModalDialog
      className="cell-viewer"
      title={`Row ${rowNumber} · ${column}`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={() => onCopy(value, 'value')}>
            Copy value
          </button>
          {(view.kind === 'json' || view.kind === 'struct') && (
            <button type="button" className="btn" onClick={() => onCopy(view.text, 'JSON')}>
              Copy as JSON
            </button>
          )}
        </>
      }
    >
      <p className="muted">
        {KIND_NOTES[view.kind]} · {value.length.toLocaleString('en-US')} characters
      </p>
      <pre className="cell-viewer-value" aria-label={`Value of ${column}`} tabIndex={0}>
        {view.text}
      </pre>
    </ModalDialog>
  );
}
