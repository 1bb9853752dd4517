import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { ApiError } from '../http/errors';
import { createRule, setEnabled } from '../alerts/rules';
import { ruleInput, scheduleInput } from '../alerts/input';
import { ParameterError } from '../parameters/types';
import { createQuery } from '../saved-queries/saved-queries';
import { detectionTag, enabledRules } from './enabled';
import { detectionById } from './index';
import { detectionQuery } from './instantiate';
import type { Detection } from './types';

/** Enable: a detection's parameters, schedule and destinations for one store. */
export const enableRequest = z.object({
  storeId: z.string().min(1, 'pick the store to watch').max(256),
  connectionId: z.string().max(40).nullable().optional(),
  params: z.record(z.string().max(100), z.union([z.string().max(4000), z.array(z.string().max(500)).max(200)])).default({}),
  schedule: scheduleInput.default({ kind: 'every', minutes: 60 }),
  /** How far back each run looks; by default the schedule's interval (every run reads the events since the last). */
  windowMinutes: z.number().int().min(1).max(43_200).optional(),
  destinationIds: z.array(z.string().min(1).max(100)).max(20).default([]),
});
export type EnableRequest = z.infer<typeof enableRequest>;

function requireDetection(id: string) {
  const d = detectionById(id);
  if (!d) throw new ApiError('DetectionNotFound', `No detection ${id}.`, 404);
  return d;
}

/**
 * One step: the detection's saved query (parameters filled, tagged with the detection) and an
 * alert rule on it that fires on any row. A paused rule of the same detection and store is resumed instead.
 */
export async function enableDetection(db: Kysely<Database>, user: CurrentUser, id: string, input: EnableRequest) {
  const d = requireDetection(id);
  const existing = ((await enabledRules(db, user)).get(id) ?? []).find((r) => r.storeId === input.storeId);
  if (existing?.enabled) throw new ApiError('DetectionAlreadyEnabled', `“${d.title}” is already enabled on this store (rule “${existing.ruleName}”).`, 409);
  if (existing) return { rule: await setEnabled(db, user, existing.ruleId, true), resumed: true };
  const sql = filled(d, input.params);
  const query = await createQuery(db, user, {
    name: d.title,
    description: `${d.description}\n\nTriage: ${d.runbook}`,
    tags: ['detection', detectionTag(d.id), `severity:${d.severity}`],
    folder: 'Detections',
    sql,
    storeId: input.storeId,
    connectionId: input.connectionId ?? null,
  });
  const minutes = input.windowMinutes ?? (input.schedule.kind === 'every' ? input.schedule.minutes : 60);
  const rule = await createRule(
    db,
    user,
    ruleInput.parse({
      name: `Detection: ${d.title}`,
      savedQueryId: query.id,
      enabled: true,
      schedule: input.schedule,
      window: { mode: 'schedule', minutes },
      condition: { kind: 'rows', atLeast: 1 },
      dedupeRows: true,
      destinationIds: input.destinationIds,
    }),
  );
  return { rule, resumed: false };
}

function filled(d: Detection, params: EnableRequest['params']): string {
  try {
    return detectionQuery(d, params);
  } catch (e) {
    if (e instanceof ParameterError) throw new ApiError('ValidationError', `params: ${e.message}`);
    throw e;
  }
}

/** Disable: pause the detection's rule on that store (its history stays; Enable resumes it). */
export async function disableDetection(db: Kysely<Database>, user: CurrentUser, id: string, storeId: string) {
  const d = requireDetection(id);
  const rules = ((await enabledRules(db, user)).get(id) ?? []).filter((r) => r.storeId === storeId && r.enabled);
  if (!rules.length) throw new ApiError('DetectionNotEnabled', `“${d.title}” is not enabled on this store.`, 404);
  return { rules: await Promise.all(rules.map((r) => setEnabled(db, user, r.ruleId, false))) };
}
