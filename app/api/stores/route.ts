import { NextResponse } from 'next/server';
import { builtinLakeClient } from '@/lib/cloudtrail/clients';
import { errorResponse } from '@/lib/http/errors';
import { listStores } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    return NextResponse.json({ stores: await listStores(await builtinLakeClient()) });
  } catch (e) {
    return errorResponse(e);
  }
}
