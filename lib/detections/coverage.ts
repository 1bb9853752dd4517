import { matchesSelectors } from '../lake/imports/selector-filter';
import type { AdvancedEventSelector } from '../lake/storage/store-registry';
import type { Detection, EventNeed } from './types';

/**
 * Which of a detection's events a store records, judged by the store's advanced event selectors
 * (the lake's own matcher): a store of management events only says which detections need data
 * events and so cannot fire.
 */
export type CoverageStatus = 'recorded' | 'partial' | 'missing';
export interface Coverage {
  status: CoverageStatus;
  missing: string[];
}

const READ_ONLY = /^(Get|List|Describe|Lookup|Head|BatchGet)/;

/** A record standing for the calls a need names ('*' means any source or name). */
function sample(need: EventNeed, name: string): Record<string, unknown> {
  const r: Record<string, unknown> = { eventCategory: need.category, readOnly: READ_ONLY.test(name) };
  if (need.source !== '*') r.eventSource = need.source;
  if (!name.includes('*')) r.eventName = name;
  if (need.resourceType) r.resources = [{ type: need.resourceType }];
  return r;
}

export function coverageOf(d: Detection, selectors: AdvancedEventSelector[]): Coverage {
  const all = d.events.flatMap((need) =>
    need.names.map((name) => ({ label: `${need.source} ${name}`, recorded: matchesSelectors(sample(need, name), selectors) })),
  );
  const missing = all.filter((e) => !e.recorded).map((e) => e.label);
  return { status: missing.length === 0 ? 'recorded' : missing.length === all.length ? 'missing' : 'partial', missing };
}
