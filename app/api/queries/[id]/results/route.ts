import { NextResponse } from 'next/server';
import { z } from 'zod';
import { builtinLakeClient } from '@/lib/cloudtrail/clients';
import { errorResponse } from '@/lib/http/errors';
import { queryResults } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

const params = z.object({ maxResults: z.coerce.number().int().min(1).max(1000).default(100), nextToken: z.string().optional() });

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { maxResults, nextToken } = params.parse(Object.fromEntries(new URL(req.url).searchParams));
    return NextResponse.json(await queryResults(await builtinLakeClient(), id, maxResults, nextToken));
  } catch (e) {
    return errorResponse(e);
  }
}
