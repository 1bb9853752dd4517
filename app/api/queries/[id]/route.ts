import { getDb } from '@/lib/db';
import { withUser } from '@/lib/http/route';
import { clientForHandle, describeQuery } from '@/lib/workbench/queries';
import { finishRun, requireRun } from '@/lib/workbench/runs';

export const dynamic = 'force-dynamic';

export const GET = withUser<{ id: string }>(undefined, async ({ user, params }) => {
  const db = await getDb();
  await requireRun(db, user, params.id);
  const { client, target } = await clientForHandle(params.id);
  const d = { ...(await describeQuery(client, target.queryId)), queryId: params.id };
  await finishRun(db, params.id, d);
  return d;
});
