import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { readEvidence } from '@/lib/workbench/export';
import { requireRun } from '@/lib/workbench/runs';

export const dynamic = 'force-dynamic';

/** The evidence file of a finished export: SQL, query, bytes scanned, rows, SHA-256 of the file. */
export const GET = withUser<{ id: string }>(async ({ user, params }) => {
  const e = readEvidence(params.id);
  await requireRun(await getDb(), user, e.queryId);
  return NextResponse.json(e, { headers: { 'content-disposition': `attachment; filename="${e.fileName}.evidence.json"` } });
});
