import { z } from 'zod';
import { baseUrl } from '@/lib/env';
import { getDb } from '@/lib/db';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { inviteUser, listUsers } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

const invite = z.object({ email: z.string().email(), name: z.string().max(100).optional(), role: z.enum(['admin', 'analyst', 'viewer']) });

export const GET = withUser(ADMINS, async () => ({ users: await listUsers(await getDb()) }));

/** Invites a user: returns a one-time link for them to set a password. */
export const POST = withUser(ADMINS, async ({ user, body }) => inviteUser(await getDb(), user, invite.parse(await body()), baseUrl()));
