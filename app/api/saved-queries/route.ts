import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { createQuery, listQueries } from '@/lib/saved-queries/saved-queries';
import { savedQueryInput } from '@/lib/saved-queries/input';

export const dynamic = 'force-dynamic';

/** Saved queries this user may see; `q` searches name, description, tags and SQL; `tag` filters. */
export const GET = withUser(async ({ req, user }) => {
  const p = new URL(req.url).searchParams;
  return { queries: await listQueries(await getDb(), user, { text: p.get('q') ?? undefined, tag: p.get('tag') ?? undefined }) };
});

export const POST = withUser(ANALYSTS, async ({ user, body }) => ({ query: await createQuery(await getDb(), user, savedQueryInput.parse(await body())) }));
