import type { AdvancedEventSelector } from '../storage/stores';

/**
 * Whether a raw CloudTrail record passes a store's advanced event selectors: it must match at
 * least one selector, and a selector matches when all its field conditions hold.
 */
export function matchesSelectors(record: Record<string, unknown>, selectors: AdvancedEventSelector[]): boolean {
  return selectors.some((sel) => sel.FieldSelectors.every((f) => fieldMatches(valuesOf(record, f.Field), f)));
}

function fieldMatches(values: string[], f: AdvancedEventSelector['FieldSelectors'][number]): boolean {
  const any = (list: string[] | undefined, test: (v: string, x: string) => boolean) => values.some((v) => list!.some((x) => test(v, x)));
  if (f.Equals && !any(f.Equals, (v, x) => v === x)) return false;
  if (f.StartsWith && !any(f.StartsWith, (v, x) => v.startsWith(x))) return false;
  if (f.EndsWith && !any(f.EndsWith, (v, x) => v.endsWith(x))) return false;
  if (f.NotEquals && any(f.NotEquals, (v, x) => v === x)) return false;
  if (f.NotStartsWith && any(f.NotStartsWith, (v, x) => v.startsWith(x))) return false;
  if (f.NotEndsWith && any(f.NotEndsWith, (v, x) => v.endsWith(x))) return false;
  return true;
}

/** The record's values for a selector field (several for resources.*). */
function valuesOf(r: Record<string, unknown>, field: string): string[] {
  const text = (v: unknown) => (v === undefined || v === null ? [] : [String(v)]);
  switch (field) {
    case 'eventCategory':
      return [eventCategoryOf(r)];
    case 'resources.type':
    case 'resources.ARN': {
      const key = field === 'resources.type' ? 'type' : 'ARN';
      return Array.isArray(r.resources) ? r.resources.flatMap((x) => text((x as Record<string, unknown>)?.[key])) : [];
    }
    case 'userIdentity.arn':
      return text((r.userIdentity as Record<string, unknown> | undefined)?.arn);
    default:
      return text(r[field]);
  }
}

/** Records from before eventCategory existed are management events unless marked otherwise. */
export function eventCategoryOf(r: Record<string, unknown>): string {
  if (typeof r.eventCategory === 'string') return r.eventCategory;
  return r.managementEvent === false ? 'Data' : 'Management';
}
