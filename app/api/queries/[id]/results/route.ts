import { z } from 'zod';
import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { resultsPage } from '@/lib/cloudtrail/query';
import { clientForHandle } from '@/lib/workbench/queries';
import { requireRun, setRunRows } from '@/lib/workbench/runs';

export const dynamic = 'force-dynamic';

const params = z.object({ maxResults: z.coerce.number().int().min(1).max(1000).default(100), nextToken: z.string().optional() });

export const GET = withUser<{ id: string }>(async ({ req, user, params: p }) => {
  const db = await getDb();
  const run = await requireRun(db, user, p.id);
  const { maxResults, nextToken } = params.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { client, target } = await clientForHandle(p.id);
  const out = await resultsPage(client, target.queryId, maxResults, nextToken);
  if (run.rows === null && out.status === 'FINISHED') await setRunRows(db, p.id, out.totalResultsCount);
  return out;
});
