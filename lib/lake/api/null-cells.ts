/**
 * GetQueryResults has no documented form for a NULL cell; the lake sends an empty string, as a
 * cell of the API's string-to-string map must be a string. The workbench, calling its own lake in
 * process, asks with this (unsigned) header for NULL cells to carry NULL_MARK instead, so its grid
 * and exports can tell a NULL from an empty string. Any other client gets the plain wire.
 */
export const NULL_CELLS_HEADER = 'x-trailbench-null-cells';
export const NULL_MARK = '\u0000NULL\u0000';

/** A cell as the workbench holds it: null for a marked NULL. */
export const cellValue = (v: string | undefined): string | null => (v === NULL_MARK ? null : (v ?? ''));
