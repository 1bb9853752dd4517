import { getDb } from '@/lib/db';
import { withUser } from '@/lib/http/route';
import { history } from '@/lib/workbench/runs';
import { settleActiveRuns } from '@/lib/workbench/settle-runs';

export const dynamic = 'force-dynamic';

/** Runs with status, bytes, cost and duration (runs no page is watching any more settled first): the user's own; admins may ask for everyone's (`?all=1`). */
export const GET = withUser(undefined, async ({ req, user }) => {
  const p = new URL(req.url).searchParams;
  const db = await getDb();
  const runs = await history(db, user, { all: p.get('all') === '1', limit: Number(p.get('limit') ?? 200) });
  return { runs: await settleActiveRuns(db, runs) };
});
