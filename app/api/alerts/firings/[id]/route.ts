import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { firingDetail } from '@/lib/alerts/history';

export const dynamic = 'force-dynamic';

export const GET = withUser<{ id: string }>(async ({ user, params }) => ({ firing: await firingDetail(await getDb(), user, params.id) }));
