import { z } from 'zod';
import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { audit } from '@/lib/auth/audit-write';
import { startExport } from '@/lib/workbench/export';
import { clientForHandle } from '@/lib/workbench/queries';
import { requireRun } from '@/lib/workbench/runs';

export const dynamic = 'force-dynamic';

const params = z.object({
  format: z.enum(['csv', 'jsonl']).default('csv'),
  scope: z.enum(['all', 'page']).default('all'),
  nextToken: z.string().optional(),
  maxResults: z.coerce.number().int().min(1).max(1000).optional(),
  formulaGuard: z.enum(['on', 'off']).default('on'),
});

/** Downloads a query's full result (or one page), streamed; the evidence ID comes in a header. */
export const GET = withUser<{ id: string }>(async ({ req, user, params: route }) => {
  const db = await getDb();
  await requireRun(db, user, route.id);
  const p = params.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { client, target } = await clientForHandle(route.id);
  const { stream, exportId, fileName } = await startExport(
    client,
    route.id,
    target.queryId,
    { ...p, formulaGuard: p.formulaGuard === 'on' },
    {
      exportedBy: user.email,
      onDone: (e) =>
        audit(db, {
          userId: user.id,
          action: 'export',
          target: route.id,
          detail: { exportId: e.exportId, rows: e.rows, sha256: e.sha256, format: e.format, scope: e.scope },
        }),
    },
  );
  return new Response(stream, {
    headers: {
      'content-type': p.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'x-trailbench-export-id': exportId,
      'cache-control': 'no-store',
    },
  });
});
