import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clientFor } from '@/lib/cloudtrail/clients';
import { errorResponse, readJsonBody } from '@/lib/http/errors';
import { estimateQuery } from '@/lib/workbench/cost';
import { locateStore } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

const input = z.object({ sql: z.string().min(1).max(100_000), storeId: z.string().max(256).optional(), connectionId: z.string().max(40).optional(), region: z.string().max(30).optional() });

/** What a query would scan and cost, before Run. */
export async function POST(req: Request) {
  try {
    const { sql, storeId, connectionId, region } = input.parse(await readJsonBody(req));
    const where = await locateStore(storeId, connectionId, region);
    return NextResponse.json(await estimateQuery(await clientFor(where.connectionId, where.region), sql, storeId ? [storeId] : []));
  } catch (e) {
    return errorResponse(e);
  }
}
