import { getDb } from '@/lib/db';
import { withUser } from '@/lib/http/route';
import { clientForHandle, describeQuery } from '@/lib/workbench/queries';
import { finishRun, requireRun } from '@/lib/workbench/runs';
import { budgetStopReason } from '@/lib/workbench/budget';

export const dynamic = 'force-dynamic';

export const GET = withUser<{ id: string }>(undefined, async ({ user, params }) => {
  const db = await getDb();
  await requireRun(db, user, params.id);
  const { client, target } = await clientForHandle(params.id);
  const described = await describeQuery(client, target.queryId);
  const stopped = described.status === 'CANCELLED' ? budgetStopReason(params.id) : undefined;
  const d = { ...described, queryId: params.id, ...(stopped ? { errorMessage: stopped } : {}) };
  await finishRun(db, params.id, d);
  return d;
});
