import { z } from 'zod';
import { getDb } from '@/lib/db';
import { linkRoute } from '@/lib/auth/link-route';
import { setPasswordWithLink } from '@/lib/auth/users';

export const dynamic = 'force-dynamic';

const input = z.object({ token: z.string().min(10), password: z.string(), name: z.string().max(100).optional() });

/** An invited user sets a password with the one-time invite link (no session yet). */
export const POST = linkRoute(input, async ({ token, password, name }) => ({
  user: await setPasswordWithLink(await getDb(), 'invite', token, password, name),
}));
