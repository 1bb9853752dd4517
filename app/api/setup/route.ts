import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/body';
import { requireSameOrigin } from '@/lib/http/same-origin';
import { completeSetup } from '@/lib/auth/users';

export const dynamic = 'force-dynamic';

const input = z.object({ token: z.string().min(10), email: z.string().email(), name: z.string().max(100).optional(), password: z.string() });

/** Creates the first admin with the one-time setup link printed on first start (no session yet). */
export async function POST(req: Request) {
  try {
    requireSameOrigin(req);
    const { token, ...rest } = input.parse(await readJsonBody(req));
    return NextResponse.json({ user: await completeSetup(await getDb(), token, rest) });
  } catch (e) {
    return errorResponse(e);
  }
}
