import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { revokeAccessKey } from '@/lib/lake-access/access-keys';

export const dynamic = 'force-dynamic';

/** Revokes a key at once (its owner's, or any as an admin); it stays listed with its last use. */
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => ({ key: await revokeAccessKey(await getDb(), user, params.id) }));
