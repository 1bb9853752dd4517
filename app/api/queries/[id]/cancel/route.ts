import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { cancelQuery } from '@/lib/cloudtrail/query';
import { clientForHandle } from '@/lib/workbench/queries';
import { requireRun } from '@/lib/workbench/runs';

export const dynamic = 'force-dynamic';

export const POST = withUser<{ id: string }>(async ({ user, params }) => {
  await requireRun(await getDb(), user, params.id);
  const { client, target } = await clientForHandle(params.id);
  return { ...(await cancelQuery(client, target.queryId)), queryId: params.id };
});
