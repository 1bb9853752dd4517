import { duckdbType, fieldsFor, type FieldType, type TableShape } from '../schema';
import { sqlString } from '../engine/duckdb';

/**
 * The SQL that turns prepared records (see `prepare-record.ts`) into a store's columns, generated from
 * the schema. DuckDB's JSON reader does the mapping CloudTrail Lake defines: map values as text
 * with nested objects as compact JSON, a value of the wrong type as NULL, timestamps with any
 * offset converted to UTC.
 *
 * Input rows are `(eventid, eventtime, c, j, e)`: the ID, UTC time and checksum the preparation
 * settled, the record text with schema keys, and the record as read (NULL when the same as `j`).
 */
const SPECIAL = new Set(['eventid', 'eventtime', 'eventjson', 'eventjsonchecksum']);

/** json_transform's structure: JSON keys as the schema spells them. */
function structure(t: FieldType): unknown {
  switch (t.kind) {
    case 'timestamp':
      return 'TIMESTAMPTZ'; // reads the offset; the cast to the column type makes it UTC
    case 'array':
      return [structure(t.of)];
    case 'struct':
      return Object.fromEntries(t.fields.map((f) => [f.key, structure(f.type)]));
    default:
      return duckdbType(t);
  }
}

/** A query giving every column of the shape, in schema order, from `input`'s rows (in their order). */
export function rowsQuery(shape: TableShape, input: string): string {
  const fields = fieldsFor(shape);
  const body = fields.filter((f) => !SPECIAL.has(f.name));
  const parse = `json_transform(j, ${sqlString(JSON.stringify(structure({ kind: 'struct', fields: body })))})`;
  // The cast renames fields to the schema's lower-case names (in order) and makes timestamps UTC.
  const record = `(${parse})::${duckdbType({ kind: 'struct', fields: body })}`;
  const columns = fields.map((f) => {
    switch (f.name) {
      case 'eventid':
        return 'eventid';
      case 'eventtime':
        return 'eventtime';
      case 'eventjson':
        return 'coalesce(e, j) AS eventjson';
      case 'eventjsonchecksum':
        return 'c AS eventjsonchecksum';
      default:
        return `r."${f.name}"`;
    }
  });
  return `SELECT ${columns.join(', ')} FROM (SELECT *, ${record} AS r FROM (${input}))`;
}
