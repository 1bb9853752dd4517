/** A table's header row; a column named with a leading '#' is numeric (right-aligned). */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} className={c.startsWith('#') ? 'acc-num' : undefined}>
            {c.replace(/^#/, '')}
          </th>
        ))}
      </tr>
    </thead>
  );
}
