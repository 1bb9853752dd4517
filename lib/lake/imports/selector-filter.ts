import type { AdvancedEventSelector } from '../storage/store-registry';

/**
 * Whether a raw CloudTrail record passes a store's advanced event selectors: it must match at
 * least one selector, and a selector matches when all its field conditions hold.
 */
export function matchesSelectors(record: Record<string, unknown>, selectors: AdvancedEventSelector[]): boolean {
  for (const sel of selectors) if (selectorMatches(record, sel)) return true;
  return false;
}

function selectorMatches(record: Record<string, unknown>, sel: AdvancedEventSelector): boolean {
  for (const f of sel.FieldSelectors) if (!fieldMatches(valuesOf(record, f.Field), f)) return false;
  return true;
}

// Module-level tests and helpers, not closures made per call: this runs for every imported event.
const equals = (v: string, x: string) => v === x;
const startsWith = (v: string, x: string) => v.startsWith(x);
const endsWith = (v: string, x: string) => v.endsWith(x);

function anyPair(values: string[], list: string[], test: (v: string, x: string) => boolean): boolean {
  for (const v of values) for (const x of list) if (test(v, x)) return true;
  return false;
}

function fieldMatches(values: string[], f: AdvancedEventSelector['FieldSelectors'][number]): boolean {
  if (f.Equals && !anyPair(values, f.Equals, equals)) return false;
  if (f.StartsWith && !anyPair(values, f.StartsWith, startsWith)) return false;
  if (f.EndsWith && !anyPair(values, f.EndsWith, endsWith)) return false;
  if (f.NotEquals && anyPair(values, f.NotEquals, equals)) return false;
  if (f.NotStartsWith && anyPair(values, f.NotStartsWith, startsWith)) return false;
  if (f.NotEndsWith && anyPair(values, f.NotEndsWith, endsWith)) return false;
  return true;
}

const textOf = (v: unknown): string[] => (v === undefined || v === null ? [] : [String(v)]);

/** The record's values for a selector field (several for resources.*). */
function valuesOf(r: Record<string, unknown>, field: string): string[] {
  switch (field) {
    case 'eventCategory':
      return [eventCategoryOf(r)];
    case 'resources.type':
    case 'resources.ARN': {
      const key = field === 'resources.type' ? 'type' : 'ARN';
      return Array.isArray(r.resources) ? r.resources.flatMap((x) => textOf((x as Record<string, unknown>)?.[key])) : [];
    }
    case 'userIdentity.arn':
      return textOf((r.userIdentity as Record<string, unknown> | undefined)?.arn);
    default:
      return textOf(r[field]);
  }
}

/** Records from before eventCategory existed are management events unless marked otherwise. */
export function eventCategoryOf(r: Record<string, unknown>): string {
  if (typeof r.eventCategory === 'string') return r.eventCategory;
  return r.managementEvent === false ? 'Data' : 'Management';
}
