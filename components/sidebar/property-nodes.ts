import type { Field } from '../../lib/lake/schema';
import { displayName } from '../editor/field-names';
import { mapKeysFor } from '../editor/map-keys';
import { childFields, expressionFor, typeLabel, type Insertion } from '../editor/schema-paths';

/** One row of the event-property tree: a field, a map key, or a frequent value of a field. */
export interface PropNode {
  id: string;
  label: string;
  /** Type, or how often a value/key was seen. */
  detail: string;
  description?: string;
  insertion: Insertion;
  children?: PropNode[];
}

export interface NodeSamples {
  /** Lower-case dotted path → frequent values. */
  values: Record<string, { value: string; count: number }[]>;
  /** Lower-case map name → keys seen. */
  mapKeys: Record<string, { key: string; count: number }[]>;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The tree for a table shape: structs and arrays of structs open onto their fields, maps onto keys, sampled fields onto values. */
export function buildPropertyNodes(fields: Field[], samples: NodeSamples | null, chain: Field[] = []): PropNode[] {
  return fields.map((f) => {
    const path = [...chain, f];
    const id = path.map((x) => x.name).join('.');
    const insertion = expressionFor(path);
    const node: PropNode = { id, label: displayName(f), detail: typeLabel(f.type), description: f.description, insertion };
    const sub = childFields(f);
    if (sub) node.children = buildPropertyNodes(sub, samples, path);
    else if (f.type.kind === 'map') {
      const seen = samples?.mapKeys[id] ?? samples?.mapKeys[f.name] ?? [];
      const counts = new Map(seen.map((k) => [k.key, k.count]));
      node.children = mapKeysFor(
        f.name,
        seen.map((k) => k.key),
      ).map((key) => ({
        id: `${id}[${key}]`,
        label: key,
        detail: counts.has(key) ? `seen ${counts.get(key)}×` : 'key',
        insertion: expressionFor(path, key),
      }));
    } else {
      const values = samples?.values[id];
      if (values?.length && !insertion.cursor) {
        node.children = values.map((v) => ({
          id: `${id}=${v.value}`,
          label: v.value,
          detail: `${v.count}×`,
          insertion: { text: `${insertion.text} = ${quote(v.value)}` },
        }));
      }
    }
    return node;
  });
}

/** Nodes whose label path contains the text (case-insensitive), with the ancestors that lead to them. */
export function filterNodes(nodes: PropNode[], text: string): PropNode[] {
  const q = text.trim().toLowerCase();
  if (!q) return nodes;
  const out: PropNode[] = [];
  for (const n of nodes) {
    const kids = n.children ? filterNodes(n.children, q) : [];
    if (n.label.toLowerCase().includes(q) || n.id.includes(q)) out.push(n);
    else if (kids.length) out.push({ ...n, children: kids });
  }
  return out;
}
