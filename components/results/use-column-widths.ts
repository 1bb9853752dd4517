'use client';

import { useCallback, useState } from 'react';

const MIN_WIDTH = 48;
const MAX_WIDTH = 2000;
const CHAR_PX = 7.4; // 12px monospace
const SAMPLE_ROWS = 60;

/** A first width from the header and a sample of values: wide enough to read, never huge. */
export function initialWidth(name: string, rows: (string | null)[][], col: number): number {
  let chars = name.length + 2;
  for (let i = 0; i < Math.min(rows.length, SAMPLE_ROWS); i++) chars = Math.max(chars, (rows[i][col] ?? '').length);
  return Math.round(Math.min(360, Math.max(72, chars * CHAR_PX + 24)));
}

/** Column widths for one set of columns: sized from the first page, then as the user resizes them. */
export function useColumnWidths(columns: string[], rows: (string | null)[][]) {
  const key = columns.join('\u0000');
  const [state, setState] = useState(() => ({ key, widths: columns.map((c, i) => initialWidth(c, rows, i)) }));
  // New columns (another query): size them afresh; a new page of the same columns keeps the widths.
  let current = state;
  if (state.key !== key) {
    current = { key, widths: columns.map((c, i) => initialWidth(c, rows, i)) };
    setState(current);
  }
  const resize = useCallback((col: number, width: number) => {
    setState((s) => {
      const widths = [...s.widths];
      widths[col] = Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width)));
      return { ...s, widths };
    });
  }, []);
  return { widths: current.widths, resize };
}
