import { fieldsFor, type Field, type TableShape } from '../schema';
import { keyHash, SCALAR, STRUCT, STRUCT_ARRAY, type PlanNode, type ScanPlan } from './record-spans';

/**
 * Top-level keys the reader thread finds the values of in each record, so that a record it
 * checked (see `record-spans.ts`) needs no parsing: its identity and time, and every field an
 * event selector may test at the top level.
 */
export const SCAN_SLOTS = [
  'eventID',
  'eventTime',
  'eventCategory',
  'managementEvent',
  'eventSource',
  'eventName',
  'eventType',
  'readOnly',
  'sessionCredentialFromConsole',
  'errorCode',
  'vpcEndpointId',
  'eventTypeName',
] as const;

interface Entry {
  key: string;
  kind: number;
  child: PlanNode | null;
  slot: number;
  inSchema: boolean;
}

function planNode(entries: Entry[]): PlanNode {
  const node: PlanNode = { exact: new Map(), folded: new Set() };
  for (const { key: name, kind, child, slot, inSchema } of entries) {
    const key = new TextEncoder().encode(name);
    node.exact.set(keyHash(key, false), { key, kind, child, slot });
    // another case of a schema key is respelled; of a slot the schema lacks, it is just another key
    if (inSchema) node.folded.add(keyHash(key, true));
  }
  return node;
}

function nodeOf(fields: Field[], top: boolean): PlanNode {
  const entries = fields.map((f): Entry => {
    const slot = top ? SCAN_SLOTS.indexOf(f.key as (typeof SCAN_SLOTS)[number]) : -1;
    const inner = f.type.kind === 'array' ? f.type.of : f.type;
    const kind = inner.kind !== 'struct' ? SCALAR : inner === f.type ? STRUCT : STRUCT_ARRAY;
    return { key: f.key, kind, child: inner.kind === 'struct' ? nodeOf(inner.fields, false) : null, slot, inSchema: true };
  });
  if (top)
    for (const [slot, key] of SCAN_SLOTS.entries())
      if (!fields.some((f) => f.key === key)) entries.push({ key, kind: SCALAR, child: null, slot, inSchema: false });
  return planNode(entries);
}

/** What the scanner checks records of a store of `shape` against. */
export function scanPlan(shape: TableShape): ScanPlan {
  return { slots: SCAN_SLOTS.length, root: nodeOf(fieldsFor(shape), true) };
}

/**
 * The view fields a store's selectors test, when all are top-level slots (then a checked record's
 * view is enough to filter it); undefined when one reads deeper (`resources.type`, `userIdentity.arn`).
 */
export function viewFieldsFor(selectors: { FieldSelectors: { Field: string }[] }[]): string[] | undefined {
  const fields = new Set(selectors.flatMap((s) => s.FieldSelectors.map((f) => f.Field)));
  if (fields.has('eventCategory')) fields.add('managementEvent'); // records from before eventCategory existed
  const all = [...fields];
  return all.every((f) => (SCAN_SLOTS as readonly string[]).includes(f)) ? all : undefined;
}
