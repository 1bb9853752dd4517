import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { deleteQuery, present, requireQuery, updateQuery } from '@/lib/saved-queries/saved-queries';
import { savedQueryInput } from '@/lib/saved-queries/input';

export const dynamic = 'force-dynamic';

export const GET = withUser<{ id: string }>(async ({ user, params }) => {
  const { row, access } = await requireQuery(await getDb(), user, params.id);
  return { query: present(row, access) };
});

export const PUT = withUser<{ id: string }>(ANALYSTS, async ({ user, params, body }) => ({
  query: await updateQuery(await getDb(), user, params.id, savedQueryInput.parse(await body())),
}));

export const DELETE = withUser<{ id: string }>(ANALYSTS, async ({ user, params }) => {
  await deleteQuery(await getDb(), user, params.id);
  return { deleted: params.id };
});
