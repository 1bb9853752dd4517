import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { ApiError } from '../http/errors';
import { createQuery } from '../saved-queries/saved-queries';
import { requireDestination } from './destinations';
import { ruleInput, scheduleInput } from './input';
import { createRule } from './rules';
import { buildTemplate } from './seed-templates';

/** A template's saved query and rule, created together for a store the user picks. */
export const templateRequest = z.object({
  storeId: z.string().min(1, 'pick the store to watch').max(256),
  connectionId: z.string().max(40).nullable().optional(),
  name: z.string().trim().min(1).max(200).optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  destinationIds: z.array(z.string().min(1).max(100)).max(20).default([]),
  /** Instead of the template's every-N-minutes (e.g. a cron expression). */
  schedule: scheduleInput.optional(),
  enabled: z.boolean().default(true),
});

export async function createFromTemplate(db: Kysely<Database>, user: CurrentUser, templateId: string, input: z.infer<typeof templateRequest>) {
  const built = buildTemplate(templateId, input.params);
  if (!built) throw new ApiError('TemplateNotFound', `No alert template ${templateId}.`, 404);
  for (const d of new Set(input.destinationIds)) await requireDestination(db, user, d);
  const query = await createQuery(db, user, {
    name: input.name ?? built.queryName,
    description: built.description,
    tags: ['alert'],
    folder: 'Alerts',
    sql: built.sql,
    storeId: input.storeId,
    connectionId: input.connectionId ?? null,
  });
  const rule = await createRule(
    db,
    user,
    ruleInput.parse({
      ...built.rule,
      ...(input.schedule ? { schedule: input.schedule } : {}),
      name: input.name ?? built.rule.name,
      enabled: input.enabled,
      savedQueryId: query.id,
      destinationIds: input.destinationIds,
    }),
  );
  return { query, rule };
}
