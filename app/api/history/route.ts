import { getDb } from '@/lib/db';
import { withUser } from '@/lib/http/route';
import { history } from '@/lib/workbench/runs';

export const dynamic = 'force-dynamic';

/** Runs with status, bytes, cost and duration: the user's own; admins may ask for everyone's (`?all=1`). */
export const GET = withUser(undefined, async ({ req, user }) => {
  const p = new URL(req.url).searchParams;
  return { runs: await history(await getDb(), user, { all: p.get('all') === '1', limit: Number(p.get('limit') ?? 200) }) };
});
