import { z } from 'zod';
import { getDb } from '@/lib/db';
import { linkRoute } from '@/lib/auth/link-route';
import { completeSetup } from '@/lib/auth/users';

export const dynamic = 'force-dynamic';

const input = z.object({ token: z.string().min(10), email: z.string().email(), name: z.string().max(100).optional(), password: z.string() });

/** Creates the first admin with the one-time setup link printed on first start (no session yet). */
export const POST = linkRoute(input, async ({ token, ...rest }) => ({ user: await completeSetup(await getDb(), token, rest) }));
