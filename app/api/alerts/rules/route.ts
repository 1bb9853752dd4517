import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { ruleInput } from '@/lib/alerts/input';
import { createRule, listRules } from '@/lib/alerts/rules';

export const dynamic = 'force-dynamic';

/** The user's alert rules; `savedQueryId` narrows to one saved query's rules. */
export const GET = withUser(async ({ req, user }) => ({
  rules: await listRules(await getDb(), user, { savedQueryId: new URL(req.url).searchParams.get('savedQueryId') ?? undefined }),
}));

export const POST = withUser(ANALYSTS, async ({ user, body }) => ({ rule: await createRule(await getDb(), user, ruleInput.parse(await body())) }));
