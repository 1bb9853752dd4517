/** A tiny type language for the CloudTrail Lake schema; DuckDB types, row mapping and the editor's tree derive from it. */
export type FieldType =
  | { kind: 'string' | 'timestamp' | 'boolean' | 'bigint' | 'integer' | 'double' }
  | { kind: 'map' } // map<string,string>
  | { kind: 'struct'; fields: Field[] }
  | { kind: 'array'; of: FieldType };

export interface Field {
  /** Lower-case name, as the Lake schema prints it and as `SELECT *` returns it. */
  name: string;
  /** The JSON key as CloudTrail writes it (`sourceIPAddress`); records using another case of it are still read. */
  key: string;
  type: FieldType;
  description: string;
}

const field = (key: string, type: FieldType, description: string): Field => ({ name: key.toLowerCase(), key, type, description });
export const str = (key: string, description: string): Field => field(key, { kind: 'string' }, description);
export const ts = (key: string, description: string): Field => field(key, { kind: 'timestamp' }, description);
export const bool = (key: string, description: string): Field => field(key, { kind: 'boolean' }, description);
export const dbl = (key: string, description: string): Field => field(key, { kind: 'double' }, description);
export const int = (key: string, description: string): Field => field(key, { kind: 'integer' }, description);
export const map = (key: string, description: string): Field => field(key, { kind: 'map' }, description);
export const struct = (key: string, description: string, fields: Field[]): Field => field(key, { kind: 'struct', fields }, description);
export const array = (key: string, description: string, of: FieldType): Field => field(key, { kind: 'array', of }, description);

export function duckdbType(t: FieldType): string {
  switch (t.kind) {
    case 'string':
      return 'VARCHAR';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'boolean':
      return 'BOOLEAN';
    case 'bigint':
      return 'BIGINT';
    case 'integer':
      return 'INTEGER';
    case 'double':
      return 'DOUBLE';
    case 'map':
      return 'MAP(VARCHAR, VARCHAR)';
    case 'array':
      return `${duckdbType(t.of)}[]`;
    case 'struct':
      return `STRUCT(${t.fields.map((f) => `"${f.name}" ${duckdbType(f.type)}`).join(', ')})`;
  }
}
