import { baseUrl } from '@/lib/env';
import { getDb } from '@/lib/db';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { issueResetLink } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

/** A one-time password-reset link for a user, for the admin to hand over (valid 24 hours). */
export const POST = withUser<{ id: string }>(ADMINS, async ({ user, params }) => issueResetLink(await getDb(), user, params.id, baseUrl()));
