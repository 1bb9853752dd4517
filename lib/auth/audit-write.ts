import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Appends to the audit log: sign-ins, admin actions, runs and exports. */
export async function audit(db: Kysely<Database>, entry: { userId: string | null; action: string; target?: string | null; detail?: Record<string, unknown> }) {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      user_id: entry.userId,
      action: entry.action,
      target: entry.target ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
