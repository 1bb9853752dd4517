import { z } from 'zod';
import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { ruleHistory } from '@/lib/alerts/history';

export const dynamic = 'force-dynamic';

const query = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/** The rule's runs, newest first, each with its firing (rows that fired) and deliveries. */
export const GET = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { limit } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return { runs: await ruleHistory(await getDb(), user, params.id, limit) };
});
