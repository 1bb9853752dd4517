import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { rotateAccessKey } from '@/lib/lake-access/access-keys';

export const dynamic = 'force-dynamic';

/** Replaces one of your keys: a new key (secret in this response only) with the same name, the old one revoked. */
export const POST = withUser<{ id: string }>(async ({ user, params }) => rotateAccessKey(await getDb(), user, params.id));
