import { getDb } from '@/lib/db';
import { ApiError } from '@/lib/http/errors';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { changeLake, storeDetail } from '@/lib/lake-admin/lake-calls';
import { requestSchema, targetOf } from '@/lib/lake-admin/target';
import { storesViewerCanQuery } from '@/lib/lake-admin/viewer-stores';

export const dynamic = 'force-dynamic';

export const GET = withUser<{ id: string }>(async ({ req, user, params }) => {
  const detail = await storeDetail(targetOf(req), params.id);
  if (user.role === 'viewer' && !(await storesViewerCanQuery(await getDb(), user)).has(detail.id))
    throw new ApiError('NotFound', `No event data store ${params.id} among the stores you can query.`, 404);
  return detail;
});

/** UpdateEventDataStore: the edit form's request (only what changed), for this store. */
export const PATCH = withUser<{ id: string }>(ADMINS, async ({ req, user, params, body }) =>
  changeLake(await getDb(), user, targetOf(req), 'UpdateEventDataStore', { ...requestSchema.parse(await body()), EventDataStore: params.id }),
);
