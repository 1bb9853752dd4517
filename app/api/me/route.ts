import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { userSpend } from '@/lib/workbench/spend';

export const dynamic = 'force-dynamic';

/** The signed-in user and what their queries have cost. */
export const GET = withUser(async ({ user }) => ({ user, spend: await userSpend(await getDb(), user.id) }));
