import { cloudTrailFields } from './cloudtrail';
import { activityFields, configFields, evidenceFields, insightFields } from './other-categories';
import { duckdbType, type Field } from './types';

export type { Field, FieldType } from './types';
export { duckdbType } from './types';

/** Event data store table shapes: one per category family (a store holds exactly one). */
export const TABLE_SHAPES = ['cloudtrail', 'insight', 'config', 'evidence', 'activity'] as const;
export type TableShape = (typeof TABLE_SHAPES)[number];

const FIELDS: Record<TableShape, Field[]> = {
  cloudtrail: cloudTrailFields,
  insight: insightFields,
  config: configFields,
  evidence: evidenceFields,
  activity: activityFields,
};

export function fieldsFor(shape: TableShape): Field[] {
  return FIELDS[shape];
}

const SHAPE_OF_CATEGORY: Record<string, TableShape> = {
  insight: 'insight',
  configurationitem: 'config',
  evidence: 'evidence',
  activityauditlog: 'activity',
};

/** The shape a store gets from its selectors' `eventCategory` condition (CloudTrail events by default). */
export function shapeForCategories(categories: string[]): TableShape {
  for (const c of categories) {
    const shape = SHAPE_OF_CATEGORY[c.toLowerCase()];
    if (shape) return shape;
  }
  return 'cloudtrail';
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
