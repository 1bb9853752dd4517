import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { versions } from '@/lib/saved-queries/saved-queries';

export const dynamic = 'force-dynamic';

/** Every version of a saved query, newest first (the UI diffs any two). */
export const GET = withUser<{ id: string }>(async ({ user, params }) => ({ versions: await versions(await getDb(), user, params.id) }));
