import { z } from 'zod';
import { errorResponse } from '@/lib/http/errors';
import { startExport } from '@/lib/workbench/export';
import { clientForHandle } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

const params = z.object({
  format: z.enum(['csv', 'jsonl']).default('csv'),
  scope: z.enum(['all', 'page']).default('all'),
  nextToken: z.string().optional(),
  maxResults: z.coerce.number().int().min(1).max(1000).optional(),
  formulaGuard: z.enum(['on', 'off']).default('on'),
});

/** Downloads a query's full result (or one page), streamed; the evidence ID comes in a header. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const p = params.parse(Object.fromEntries(new URL(req.url).searchParams));
    const { client, target } = await clientForHandle(id);
    const { stream, exportId, fileName } = await startExport(client, id, target.queryId, { ...p, formulaGuard: p.formulaGuard === 'on' });
    return new Response(stream, {
      headers: {
        'content-type': p.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName}"`,
        'x-trailbench-export-id': exportId,
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
