import type { ParserRuleContext } from 'antlr4ng';
import * as P from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { identifierName } from './time-bounds';

type Fail = (node: ParserRuleContext, message: string) => Error;

const SIMPLE: Record<string, string> = {
  varchar: 'VARCHAR',
  char: 'VARCHAR',
  bigint: 'BIGINT',
  integer: 'INTEGER',
  int: 'INTEGER',
  smallint: 'SMALLINT',
  tinyint: 'TINYINT',
  double: 'DOUBLE',
  real: 'FLOAT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  json: 'JSON',
  varbinary: 'BLOB',
  uuid: 'UUID',
  ipaddress: 'VARCHAR',
  timestamp: 'TIMESTAMP',
  time: 'TIME',
  decimal: 'DECIMAL',
};

/** A Trino type (in CAST) → the DuckDB type; unknown types are rejected. */
export function mapType(t: P.TypeContext, fail: Fail): string {
  if (t instanceof P.GenericTypeContext) {
    const name = identifierName(t.identifier()).toLowerCase();
    const params = t.typeParameter();
    if (name === 'map' || name === 'array') {
      const types = params.map((p) => p.type());
      if (types.some((x) => !x) || types.length !== (name === 'map' ? 2 : 1)) throw fail(t, `Invalid ${name} type: ${t.getText()}`);
      const inner = types.map((x) => mapType(x!, fail));
      return name === 'map' ? `MAP(${inner[0]}, ${inner[1]})` : `${inner[0]}[]`;
    }
    const base = SIMPLE[name];
    if (!base) throw fail(t, `Unknown type: ${name}`);
    if (name === 'decimal' && params.length) return `DECIMAL(${params.map((p) => p.getText()).join(', ')})`;
    return base;
  }
  if (t instanceof P.RowTypeContext) {
    const fields = t.rowField().map((f) => {
      const id = f.identifier();
      if (!id) throw fail(f, 'ROW fields need names to be cast to');
      return `"${identifierName(id).replaceAll('"', '""')}" ${mapType(f.type(), fail)}`;
    });
    return `STRUCT(${fields.join(', ')})`;
  }
  if (t instanceof P.ArrayTypeContext || t instanceof P.LegacyArrayTypeContext) return `${mapType(t.type(), fail)}[]`;
  if (t instanceof P.LegacyMapTypeContext) return `MAP(${mapType(t.type_(0)!, fail)}, ${mapType(t.type_(1)!, fail)})`;
  if (t instanceof P.DateTimeTypeContext) {
    const withZone = !!t.KW_WITH();
    return t.KW_TIME() && !t.KW_TIMESTAMP() ? 'TIME' : withZone ? 'TIMESTAMPTZ' : 'TIMESTAMP';
  }
  if (t instanceof P.DoublePrecisionTypeContext) return 'DOUBLE';
  if (t instanceof P.IntervalTypeContext) return 'INTERVAL';
  throw fail(t, `Unsupported type: ${t.getText()}`);
}
