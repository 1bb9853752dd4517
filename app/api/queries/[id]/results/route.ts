import { NextResponse } from 'next/server';
import { z } from 'zod';
import { errorResponse } from '@/lib/http/errors';
import { clientForHandle, queryResults } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

const params = z.object({ maxResults: z.coerce.number().int().min(1).max(1000).default(100), nextToken: z.string().optional() });

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { maxResults, nextToken } = params.parse(Object.fromEntries(new URL(req.url).searchParams));
    const { client, target } = await clientForHandle(id);
    return NextResponse.json(await queryResults(client, target.queryId, maxResults, nextToken));
  } catch (e) {
    return errorResponse(e);
  }
}
