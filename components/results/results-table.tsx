'use client';

import { useMemo } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';

// null is a NULL cell; it shows empty
type ResultRow = (string | null)[];

interface ResultsTableProps {
  columns: string[];
  rows: ResultRow[];
  /** Zero-based position of rows[0] in the whole result, for the row-number column. */
  offset: number;
  busy?: boolean;
}

/** Cells longer than this get a title tooltip (the cell itself is truncated by CSS). */
const TOOLTIP_MIN_LENGTH = 24;

export function ResultsTable({ columns, rows, offset, busy }: ResultsTableProps) {
  const columnKey = columns.join('\u0000');
  const columnDefs = useMemo<ColumnDef<ResultRow, string>[]>(
    // Ids are positions: result column names may repeat (two `count(*)`s).
    () => columnKey.split('\u0000').map((name, i) => ({ id: String(i), header: name, accessorFn: (row) => row[i] ?? '' })),
    [columnKey],
  );
  const table = useReactTable({ data: rows, columns: columnDefs, getCoreRowModel: getCoreRowModel() });

  return (
    <table className="results-table" aria-label="Query results" aria-busy={busy || undefined}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            <th scope="col" className="rownum" aria-label="Row number">
              #
            </th>
            {group.headers.map((header) => (
              <th key={header.id} scope="col">
                {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
              </th>
            ))}
            <th className="filler" aria-hidden="true" />
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" className="rownum">
              {offset + row.index + 1}
            </th>
            {row.getVisibleCells().map((cell) => {
              const value = cell.getValue<string>();
              return (
                <td key={cell.id}>
                  <div className="cell" title={value.length >= TOOLTIP_MIN_LENGTH ? value : undefined}>
                    {value}
                  </div>
                </td>
              );
            })}
            <td className="filler" aria-hidden="true" />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
