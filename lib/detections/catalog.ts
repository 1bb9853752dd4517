import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { coverageOf, type Coverage } from './coverage';
import { enabledRules, type EnabledRule } from './enabled';
import { DETECTIONS } from './index';
import { attackUrl, TACTICS, TECHNIQUES, type TacticId, type TechniqueId } from './mitre';
import { storeSelectors } from './store-coverage';
import type { Detection } from './types';

/**
 * The library as the Detections page shows it: each detection with what it needs, whether the
 * chosen store records those events, and the user's rules made from it (on that store when one is
 * chosen); and the MITRE ATT&CK matrix of the techniques covered and enabled.
 */
export function listing(d: Detection, coverage: Coverage | null, rules: EnabledRule[]) {
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    falsePositives: d.falsePositives,
    runbook: d.runbook,
    severity: d.severity,
    tactics: d.tactics.map((id) => ({ id, name: TACTICS[id] })),
    techniques: d.techniques.map((id) => ({ id, name: TECHNIQUES[id].name, url: attackUrl(id) })),
    events: d.events.map((e) => `${e.source} ${e.names.join(', ')}${e.category === 'Data' ? ' (data events)' : ''}`),
    parameters: d.parameters.filter((p) => p.type !== 'timeRange'),
    coverage,
    rules,
  };
}
export type DetectionListing = ReturnType<typeof listing>;

export interface MatrixCell {
  id: TechniqueId;
  name: string;
  url: string;
  detections: number;
  enabled: number;
}
export interface MatrixColumn {
  id: TacticId;
  name: string;
  techniques: MatrixCell[];
}

/** Tactics as columns; under each, the techniques detections map to it, with how many cover and how many are enabled. */
export function attackMatrix(items: readonly DetectionListing[]): MatrixColumn[] {
  return (Object.keys(TACTICS) as TacticId[])
    .map((tactic) => {
      const cells = new Map<TechniqueId, MatrixCell>();
      for (const d of items) {
        if (!d.tactics.some((t) => t.id === tactic)) continue;
        for (const t of d.techniques) {
          if (!(TECHNIQUES[t.id].tactics as readonly string[]).includes(tactic)) continue;
          const cell = cells.get(t.id) ?? { id: t.id, name: t.name, url: t.url, detections: 0, enabled: 0 };
          cell.detections++;
          if (d.rules.some((r) => r.enabled)) cell.enabled++;
          cells.set(t.id, cell);
        }
      }
      return { id: tactic, name: TACTICS[tactic], techniques: [...cells.values()].sort((a, b) => a.id.localeCompare(b.id)) };
    })
    .filter((c) => c.techniques.length > 0);
}

export async function detectionCatalog(db: Kysely<Database>, user: CurrentUser, storeId?: string) {
  const selectors = storeId ? await storeSelectors(storeId) : null;
  const rules = await enabledRules(db, user);
  const items = DETECTIONS.map((d) =>
    listing(
      d,
      selectors ? coverageOf(d, selectors) : null,
      (rules.get(d.id) ?? []).filter((r) => !storeId || r.storeId === storeId),
    ),
  );
  return { detections: items, matrix: attackMatrix(items) };
}
