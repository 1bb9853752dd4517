import { describe, expect, it } from 'vitest';
import { attackMatrix, listing } from '../../lib/detections/catalog';
import { coverageOf } from '../../lib/detections/coverage';
import { DETECTIONS, detectionById } from '../../lib/detections';
import type { EnabledRule } from '../../lib/detections/enabled';
import type { AdvancedEventSelector } from '../../lib/lake/storage/store-registry';

// What the Detections page shows from the library: coverage for a store's selectors, and the ATT&CK
// matrix counting detections and enabled ones per technique under each tactic it serves.

const MANAGEMENT_ONLY: AdvancedEventSelector[] = [{ Name: 'management', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }];
const rule = (enabled: boolean): EnabledRule => ({
  ruleId: 'r',
  ruleName: 'n',
  enabled,
  savedQueryId: 'q',
  storeId: 's',
  lastStatus: 'ok',
  lastRunAt: null,
  lastFindings: null,
});

describe('the detections catalog', () => {
  it('says which detections a management-only store cannot fire, and why', () => {
    const items = DETECTIONS.map((d) => listing(d, coverageOf(d, MANAGEMENT_ONLY), []));
    const cannot = items.filter((d) => d.coverage!.status !== 'recorded');
    expect(cannot.length).toBeGreaterThan(0);
    for (const d of cannot) expect(d.events.join(' ')).toContain('(data events)');
    expect(items.find((d) => d.id === 'cloudtrail-logging-stopped')!.coverage).toEqual({ status: 'recorded', missing: [] });
    // the time range is the rule's window, not a parameter the Enable form asks for
    for (const d of items) expect(d.parameters.every((p) => p.type !== 'timeRange')).toBe(true);
  });

  it('counts detections and enabled ones per technique under each tactic the technique serves', () => {
    const stopped = detectionById('cloudtrail-logging-stopped')!;
    const items = DETECTIONS.map((d) => listing(d, null, d.id === stopped.id ? [rule(true)] : d.id === 'root-console-sign-in' ? [rule(false)] : []));
    const matrix = attackMatrix(items);
    const logs = matrix.find((c) => c.id === 'TA0005')!.techniques.find((t) => t.id === 'T1562.008')!;
    const expected = DETECTIONS.filter((d) => d.techniques.includes('T1562.008') && d.tactics.includes('TA0005')).length;
    expect(logs).toMatchObject({ detections: expected, enabled: 1, url: 'https://attack.mitre.org/techniques/T1562/008/' });
    // a paused rule does not count as enabled
    expect(matrix.flatMap((c) => c.techniques).reduce((n, t) => n + t.enabled, 0)).toBe(stopped.techniques.length * 1);
    for (const c of matrix) for (const t of c.techniques) expect(t.detections).toBeGreaterThan(0);
  });
});
