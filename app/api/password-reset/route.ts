import { z } from 'zod';
import { getDb } from '@/lib/db';
import { linkRoute } from '@/lib/auth/link-route';
import { setPasswordWithLink } from '@/lib/auth/users';

export const dynamic = 'force-dynamic';

const input = z.object({ token: z.string().min(10), password: z.string() });

/** A user sets a new password with the one-time reset link an admin gave them (no session). */
export const POST = linkRoute(input, async ({ token, password }) => ({ user: await setPasswordWithLink(await getDb(), 'reset', token, password) }));
