import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/body';
import { requireSameOrigin } from '@/lib/http/same-origin';
import { acceptInvite } from '@/lib/auth/users';

export const dynamic = 'force-dynamic';

const input = z.object({ token: z.string().min(10), password: z.string(), name: z.string().max(100).optional() });

/** An invited user sets a password with the one-time invite link (no session yet). */
export async function POST(req: Request) {
  try {
    requireSameOrigin(req);
    const { token, password, name } = input.parse(await readJsonBody(req));
    return NextResponse.json({ user: await acceptInvite(await getDb(), token, password, name) });
  } catch (e) {
    return errorResponse(e);
  }
}
