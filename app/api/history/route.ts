import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { history } from '@/lib/workbench/runs';
import { settleActiveRuns } from '@/lib/workbench/settle-runs';
import { exportsOfRuns } from '@/lib/workbench/export-list';

export const dynamic = 'force-dynamic';

/** Runs with status, bytes, cost and duration (runs no page is watching any more settled first) and their exports: the user's own; admins may ask for everyone's (`?all=1`). */
export const GET = withUser(async ({ req, user }) => {
  const p = new URL(req.url).searchParams;
  const db = await getDb();
  const all = p.get('all') === '1' && user.role === 'admin';
  const runs = await settleActiveRuns(db, await history(db, user, { all, limit: Number(p.get('limit') ?? 200) }));
  // each run's exports, with their evidence files (GET /api/exports/<exportId>)
  const exports = await exportsOfRuns(
    db,
    runs.map((r) => r.handle),
    all ? undefined : user.id,
  );
  return { runs: runs.map((r) => ({ ...r, exports: exports.get(r.handle) ?? [] })) };
});
