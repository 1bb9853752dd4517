import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { listQueries } from '../saved-queries/saved-queries';

const STORE_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The stores a viewer can query: a viewer runs only saved queries shared with them, so these are
 * the stores those queries are saved for or name in their SQL.
 */
export async function storesViewerCanQuery(db: Kysely<Database>, user: CurrentUser): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const q of await listQueries(db, user, {})) {
    if (q.storeId) ids.add(q.storeId.toLowerCase());
    for (const m of q.sql.matchAll(STORE_ID)) ids.add(m[0].toLowerCase());
  }
  return ids;
}
