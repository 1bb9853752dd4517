import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { requireRule } from '@/lib/alerts/rules';
import { testRule } from '@/lib/alerts/scheduler';

export const dynamic = 'force-dynamic';

/** "Test now": runs the rule at once and notifies its destinations, marked as a test. */
export const POST = withUser<{ id: string }>(ANALYSTS, async ({ user, params }) => {
  await requireRule(await getDb(), user, params.id);
  return { run: await testRule(params.id) };
});
