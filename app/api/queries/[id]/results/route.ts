import { z } from 'zod';
import { getDb } from '@/lib/db';
import { withUser } from '@/lib/http/route';
import { clientForHandle, queryResults } from '@/lib/workbench/queries';
import { requireRun } from '@/lib/workbench/runs';

export const dynamic = 'force-dynamic';

const params = z.object({ maxResults: z.coerce.number().int().min(1).max(1000).default(100), nextToken: z.string().optional() });

export const GET = withUser<{ id: string }>(undefined, async ({ req, user, params: p }) => {
  await requireRun(await getDb(), user, p.id);
  const { maxResults, nextToken } = params.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { client, target } = await clientForHandle(p.id);
  return queryResults(client, target.queryId, maxResults, nextToken);
});
