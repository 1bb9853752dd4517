import { NextResponse } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { listAllStores } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

/** Stores of every connection, with their connection and region; failing connections listed in `errors`. */
export async function GET() {
  try {
    return NextResponse.json(await listAllStores());
  } catch (e) {
    return errorResponse(e);
  }
}
