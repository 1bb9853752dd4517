import { getDb } from '@/lib/db';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { changeLake, storeOverviews } from '@/lib/lake-admin/lake-calls';
import { requestSchema, targetOf } from '@/lib/lake-admin/target';
import { storesViewerCanQuery } from '@/lib/lake-admin/viewer-stores';

export const dynamic = 'force-dynamic';

/** The stores of one lake with storage and ingestion; a viewer sees only the stores they can query. */
export const GET = withUser(async ({ req, user }) => {
  const stores = await storeOverviews(targetOf(req));
  if (user.role !== 'viewer') return { stores };
  const visible = await storesViewerCanQuery(await getDb(), user);
  return { stores: stores.filter((s) => visible.has(s.id)) };
});

/** CreateEventDataStore with the wizard's request, as is. */
export const POST = withUser(ADMINS, async ({ req, user, body }) =>
  changeLake(await getDb(), user, targetOf(req), 'CreateEventDataStore', requestSchema.parse(await body())),
);
