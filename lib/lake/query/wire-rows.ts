import { DuckDBTypeId, type DuckDBType } from '../engine/duckdb-api';

/**
 * A statement that returns each result row already in GetQueryResults' wire form
 * (`[{"column":"cell"},...]`) as one text value, for results whose columns are all of plain
 * types: DuckDB formats the cells as `formatCell` would, and reading one string per row instead
 * of one per cell is what makes large results cheap. Undefined when a column needs `formatCell`
 * (nested values, doubles and decimals, which Trino prints its own way).
 */
export function wireRowsSql(sql: string, names: string[], types: DuckDBType[]): string | undefined {
  const cells: string[] = [];
  for (const [i, type] of types.entries()) {
    const text = cellText(`c${i}`, type.typeId);
    if (!text) return undefined;
    const prefix = `{${JSON.stringify(names[i])}:`.replaceAll("'", "''");
    // a NULL cell is the empty string, as formatCell has it
    cells.push(`'${prefix}' || coalesce(to_json(${text})::VARCHAR, '""') || '}'`);
  }
  if (!cells.length) return undefined;
  const aliases = names.map((_, i) => `c${i}`).join(', ');
  return `SELECT '[' || ${cells.join(` || ',' || `)} || ']' AS tb_row FROM (${sql}) AS tb_result(${aliases})`;
}

function cellText(column: string, type: DuckDBTypeId): string | undefined {
  switch (type) {
    case DuckDBTypeId.VARCHAR:
      return `CAST(${column} AS VARCHAR)`; // JSON values too, whose to_json would be themselves
    case DuckDBTypeId.TIMESTAMP:
      return `strftime(${column}, '%Y-%m-%d %H:%M:%S.%g')`;
    case DuckDBTypeId.TIMESTAMP_TZ:
      return `strftime(${column}, '%Y-%m-%d %H:%M:%S.%g') || ' UTC'`;
    case DuckDBTypeId.BOOLEAN:
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
      return `CAST(${column} AS VARCHAR)`;
    default:
      return undefined;
  }
}
