import { baseUrl } from '@/lib/env';
import { getDb } from '@/lib/db';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { reinviteUser } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

/** Re-sends an invite: a fresh one-time link for a user who has not accepted; the old link stops working. */
export const POST = withUser<{ id: string }>(ADMINS, async ({ user, params }) => reinviteUser(await getDb(), user, params.id, baseUrl()));
