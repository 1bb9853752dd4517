import { z } from 'zod';
import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { ruleInput } from '@/lib/alerts/input';
import { deleteRule, getRule, setEnabled, updateRule } from '@/lib/alerts/rules';

export const dynamic = 'force-dynamic';

export const GET = withUser<{ id: string }>(async ({ user, params }) => ({ rule: await getRule(await getDb(), user, params.id) }));

export const PUT = withUser<{ id: string }>(ANALYSTS, async ({ user, params, body }) => ({
  rule: await updateRule(await getDb(), user, params.id, ruleInput.parse(await body())),
}));

/** Pause (`{"enabled": false}`) or resume (`{"enabled": true}`). */
export const PATCH = withUser<{ id: string }>(ANALYSTS, async ({ user, params, body }) => {
  const { enabled } = z.object({ enabled: z.boolean() }).parse(await body());
  return { rule: await setEnabled(await getDb(), user, params.id, enabled) };
});

export const DELETE = withUser<{ id: string }>(ANALYSTS, async ({ user, params }) => {
  await deleteRule(await getDb(), user, params.id);
  return { deleted: params.id };
});
