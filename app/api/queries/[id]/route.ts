import { NextResponse } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { clientForHandle, describeQuery } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { client, target } = await clientForHandle(id);
    return NextResponse.json({ ...(await describeQuery(client, target.queryId)), queryId: id });
  } catch (e) {
    return errorResponse(e);
  }
}
