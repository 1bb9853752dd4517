import { cloudTrailFields } from './cloudtrail';
import { duckdbType, type Field } from './types';

export type { Field, FieldType } from './types';
export { duckdbType } from './types';

/** Event data store table shapes. Only the CloudTrail-events shape exists so far. */
export type TableShape = 'cloudtrail';

export function fieldsFor(shape: TableShape): Field[] {
  switch (shape) {
    case 'cloudtrail': return cloudTrailFields;
  }
}

/** `"name" TYPE, ...` for a CREATE TABLE or a read_json `columns` struct. */
export function columnTypes(shape: TableShape): Record<string, string> {
  return Object.fromEntries(fieldsFor(shape).map((f) => [f.name, duckdbType(f.type)]));
}

/** Top-level columns whose type is map<string,string>; `cardinality` and lint rules need to know them. */
export function isMapColumn(shape: TableShape, name: string): boolean {
  const f = fieldsFor(shape).find((x) => x.name === name.toLowerCase());
  return f?.type.kind === 'map';
}
