import { NextResponse } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { readEvidence } from '@/lib/workbench/export';

export const dynamic = 'force-dynamic';

/** The evidence file of a finished export: SQL, query, bytes scanned, rows, SHA-256 of the file. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const e = readEvidence(id);
    return NextResponse.json(e, { headers: { 'content-disposition': `attachment; filename="${e.fileName}.evidence.json"` } });
  } catch (e) {
    return errorResponse(e);
  }
}
