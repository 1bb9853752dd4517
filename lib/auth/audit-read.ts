import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toCsv } from '../util/csv';

/** The audit log for admins: filtered by user, action and time, newest first; or as CSV. */
export async function readAudit(db: Kysely<Database>, f: { email?: string; action?: string; since?: string; until?: string; limit?: number }) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.id', 'audit_log.at', 'users.email', 'audit_log.action', 'audit_log.target', 'audit_log.detail']);
  if (f.email) q = q.where('users.email', '=', f.email.toLowerCase());
  if (f.action) q = q.where('audit_log.action', 'like', `${f.action}%`);
  if (f.since) q = q.where('audit_log.at', '>=', f.since);
  if (f.until) q = q.where('audit_log.at', '<=', f.until);
  return q
    .orderBy('audit_log.id', 'desc')
    .limit(Math.min(f.limit ?? 500, 100_000))
    .execute();
}

export function auditCsv(rows: Awaited<ReturnType<typeof readAudit>>): string {
  return toCsv([['at', 'user', 'action', 'target', 'detail'], ...rows.map((r) => [r.at, r.email ?? '', r.action, r.target ?? '', r.detail].map(String))], {
    formulaGuard: true,
  });
}
