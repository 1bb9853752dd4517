import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clientFor } from '@/lib/cloudtrail/clients';
import { errorResponse, readJsonBody } from '@/lib/http/errors';
import { locateStore, startQuery, toHandle } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

const input = z.object({
  sql: z.string().min(1, 'SQL is empty').max(100_000),
  storeId: z.string().max(256).optional(),
  connectionId: z.string().max(40).optional(),
  region: z.string().max(30).optional(),
});

export async function POST(req: Request) {
  try {
    const { sql, storeId, connectionId, region } = input.parse(await readJsonBody(req));
    const where = await locateStore(storeId, connectionId, region);
    const client = await clientFor(where.connectionId, where.region);
    const queryId = await startQuery(client, sql, storeId ? [storeId] : []);
    return NextResponse.json({ queryId: toHandle({ ...where, region: where.region ?? (await client.config.region()), queryId }) });
  } catch (e) {
    return errorResponse(e);
  }
}
