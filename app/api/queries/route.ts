import { NextResponse } from 'next/server';
import { z } from 'zod';
import { builtinLakeClient } from '@/lib/cloudtrail/clients';
import { errorResponse, readJsonBody } from '@/lib/http/errors';
import { startQuery } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

const input = z.object({ sql: z.string().min(1, 'SQL is empty').max(100_000), storeId: z.string().max(256).optional() });

export async function POST(req: Request) {
  try {
    const { sql, storeId } = input.parse(await readJsonBody(req));
    const queryId = await startQuery(await builtinLakeClient(), sql, storeId ? [storeId] : []);
    return NextResponse.json({ queryId });
  } catch (e) {
    return errorResponse(e);
  }
}
