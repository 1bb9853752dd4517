import { findPlaceholders } from './placeholders';
import { RANGE_END, RANGE_START, type ParameterSpec, type ParameterType } from './types';

/** The one time range parameter the workbench offers; it fills `{{start}}` and `{{end}}`. */
export const TIME_RANGE_NAME = 'time';
/** The range a new time range parameter starts with. */
export const DEFAULT_TIME_RANGE = '24h';

/** Types the workbench lets a person pick for a parameter (time range goes with start/end only). */
export const PICKABLE_TYPES = ['text', 'number', 'ip', 'arn', 'accessKeyId', 'accountId', 'timestamp'] as const satisfies readonly ParameterType[];
export type PickableType = (typeof PICKABLE_TYPES)[number];

/** A parameter's likely type from its name, where the name makes it obvious; text otherwise. */
export function inferType(name: string): PickableType {
  const n = name.toLowerCase();
  if (n === 'ip' || n.endsWith('ipaddress') || n.endsWith('_ip') || n === 'sourceip') return 'ip';
  if (n === 'arn' || n.endsWith('arn')) return 'arn';
  if (n === 'accesskeyid' || n.endsWith('accesskeyid') || n === 'access_key_id') return 'accessKeyId';
  if (n === 'accountid' || n.endsWith('accountid') || n === 'account_id' || n === 'account') return 'accountId';
  if (/^(n|count|limit|min|max|threshold|minutes|hours|days)$|(count|limit|number|num)$/.test(n)) return 'number';
  return 'text';
}

/**
 * The parameters a statement needs, in order of first use: one per `{{name}}` outside comments,
 * typed by `types` (a person's choice) or by name; `{{start}}`/`{{end}}` become one time range.
 */
export function specsForSql(sql: string, types: Readonly<Record<string, PickableType | undefined>> = {}): ParameterSpec[] {
  const specs: ParameterSpec[] = [];
  const seen = new Set<string>();
  for (const p of findPlaceholders(sql)) {
    if (p.context === 'comment') continue;
    const range = p.name === RANGE_START || p.name === RANGE_END;
    const name = range ? TIME_RANGE_NAME : p.name;
    if (seen.has(name)) continue;
    seen.add(name);
    const own = Object.hasOwn(types, name) ? types[name] : undefined;
    specs.push(range ? { name, type: 'timeRange', default: DEFAULT_TIME_RANGE } : { name, type: own ?? inferType(name) });
  }
  return specs;
}
