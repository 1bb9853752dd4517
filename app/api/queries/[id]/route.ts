import { NextResponse } from 'next/server';
import { builtinLakeClient } from '@/lib/cloudtrail/clients';
import { errorResponse } from '@/lib/http/errors';
import { describeQuery } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    return NextResponse.json(await describeQuery(await builtinLakeClient(), id));
  } catch (e) {
    return errorResponse(e);
  }
}
