import { NextResponse } from 'next/server';
import { connections } from '@/lib/cloudtrail/clients';
import { errorResponse } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

/** The configured connections: names, kinds and regions only, never credentials. */
export async function GET() {
  try {
    return NextResponse.json({ connections: connections() });
  } catch (e) {
    return errorResponse(e);
  }
}
