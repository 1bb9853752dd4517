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

/** Names of every map<string,string> field, at any depth, in any table shape (for `cardinality`, LIKE checks). */
export const MAP_FIELD_NAMES: ReadonlySet<string> = new Set(
  Object.values(FIELDS).flatMap(function maps(fields: Field[]): string[] {
    return fields.flatMap((f) => {
      const t = f.type.kind === 'array' ? f.type.of : f.type;
      return t.kind === 'map' ? [f.name] : t.kind === 'struct' ? maps(t.fields) : [];
    });
  }),
);
