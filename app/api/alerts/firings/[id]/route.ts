import { getDb } from '@/lib/db';
import { withUser } from '@/lib/http/route';
import { firingDetail } from '@/lib/alerts/history';

export const dynamic = 'force-dynamic';

export const GET = withUser<{ id: string }>(undefined, async ({ user, params }) => ({ firing: await firingDetail(await getDb(), user, params.id) }));
