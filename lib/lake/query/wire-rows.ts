import { DuckDBTypeId, type DuckDBType } from '../engine/duckdb-api';
import { sqlString } from '../engine/duckdb';

/**
 * A statement that returns each result row already in GetQueryResults' wire form
 * (`[{"column":"cell"},...]`) as one text value, for results whose columns are all of plain
 * types: DuckDB formats the cells as `formatCell` would, and reading one string per row instead
 * of one per cell is what makes large results cheap. Undefined when a column needs `formatCell`
 * (nested values, doubles and decimals, which Trino prints its own way).
 *
 * One variadic `concat` per row: a chain of `||` makes an intermediate string per operator and
 * costs about three times as much. Only text goes through `to_json` for escaping; the text of a
 * timestamp, number or boolean never holds a character JSON escapes.
 */
export function wireRowsSql(sql: string, names: string[], types: DuckDBType[]): string | undefined {
  const parts: string[] = [];
  for (const [i, type] of types.entries()) {
    const cell = cellJson(`c${i}`, type.typeId);
    if (!cell) return undefined;
    parts.push(sqlString(`${i ? ',' : '['}{${JSON.stringify(names[i])}:`), ...cell, `'}'`);
  }
  if (!parts.length) return undefined;
  const aliases = names.map((_, i) => `c${i}`).join(', ');
  return `SELECT concat(${parts.join(', ')}, ']') AS tb_row FROM (${sql}) AS tb_result(${aliases})`;
}

/**
 * `concat` arguments making a cell's JSON value: a string, or `null` for a NULL cell (kept as
 * such on disk; GetQueryResults decides how a NULL goes on the wire, see results-file.ts).
 */
function cellJson(column: string, type: DuckDBTypeId): string[] | undefined {
  const quoted = (text: string) => [`coalesce('"' || ${text} || '"', 'null')`];
  switch (type) {
    case DuckDBTypeId.VARCHAR:
      // JSON values too, whose to_json would be themselves
      return [`coalesce(to_json(CAST(${column} AS VARCHAR))::VARCHAR, 'null')`];
    case DuckDBTypeId.TIMESTAMP:
      return quoted(`strftime(${column}, '%Y-%m-%d %H:%M:%S.%g')`);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return quoted(`strftime(${column}, '%Y-%m-%d %H:%M:%S.%g UTC')`);
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
      return quoted(`CAST(${column} AS VARCHAR)`);
    default:
      return undefined;
  }
}
