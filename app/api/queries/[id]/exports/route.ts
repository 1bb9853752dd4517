import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { listExports } from '@/lib/workbench/export-list';
import { requireRun } from '@/lib/workbench/runs';

export const dynamic = 'force-dynamic';

/** Your finished exports of a query, each with its evidence file at /api/exports/<exportId>. */
export const GET = withUser<{ id: string }>(async ({ user, params }) => {
  const db = await getDb();
  await requireRun(db, user, params.id);
  return { exports: await listExports(db, user.id, params.id) };
});
