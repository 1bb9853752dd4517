import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { destinationChange } from '@/lib/alerts/input';
import { deleteDestination, updateDestination } from '@/lib/alerts/destinations';

export const dynamic = 'force-dynamic';

export const PATCH = withUser<{ id: string }>(ANALYSTS, async ({ user, params, body }) =>
  updateDestination(await getDb(), user, params.id, destinationChange.parse(await body())),
);

export const DELETE = withUser<{ id: string }>(ANALYSTS, async ({ user, params }) => {
  await deleteDestination(await getDb(), user, params.id);
  return { deleted: params.id };
});
