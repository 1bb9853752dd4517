/** A tiny type language for the CloudTrail Lake schema; DuckDB types, row mapping and the editor's tree derive from it. */
export type FieldType =
  | { kind: 'string' | 'timestamp' | 'boolean' | 'bigint' | 'integer' | 'double' }
  | { kind: 'map' } // map<string,string>
  | { kind: 'struct'; fields: Field[] }
  | { kind: 'array'; of: FieldType };

export interface Field {
  /** Lower-case name, as the Lake schema prints it and as `SELECT *` returns it. */
  name: string;
  type: FieldType;
  description: string;
  /** Raw JSON key when it is not just a case variant of `name`. */
  jsonName?: string;
}

export const str = (name: string, description: string, jsonName?: string): Field => ({ name, type: { kind: 'string' }, description, jsonName });
export const ts = (name: string, description: string): Field => ({ name, type: { kind: 'timestamp' }, description });
export const bool = (name: string, description: string): Field => ({ name, type: { kind: 'boolean' }, description });
export const map = (name: string, description: string): Field => ({ name, type: { kind: 'map' }, description });
export const struct = (name: string, description: string, fields: Field[]): Field => ({ name, type: { kind: 'struct', fields }, description });
export const array = (name: string, description: string, of: FieldType): Field => ({ name, type: { kind: 'array', of }, description });

export function duckdbType(t: FieldType): string {
  switch (t.kind) {
    case 'string': return 'VARCHAR';
    case 'timestamp': return 'TIMESTAMP';
    case 'boolean': return 'BOOLEAN';
    case 'bigint': return 'BIGINT';
    case 'integer': return 'INTEGER';
    case 'double': return 'DOUBLE';
    case 'map': return 'MAP(VARCHAR, VARCHAR)';
    case 'array': return `${duckdbType(t.of)}[]`;
    case 'struct': return `STRUCT(${t.fields.map((f) => `"${f.name}" ${duckdbType(f.type)}`).join(', ')})`;
  }
}
