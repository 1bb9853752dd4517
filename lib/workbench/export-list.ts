import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** A finished export of a query, as its evidence file can be fetched again (GET /api/exports/<exportId>). */
export interface ExportSummary {
  exportId: string;
  at: string;
  format: string;
  scope: string;
  rows: number;
  sha256: string;
}

/** The user's finished exports of one query run, newest first, from the audit log that records each. */
export async function listExports(db: Kysely<Database>, userId: string, handle: string, limit = 20): Promise<ExportSummary[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'detail'])
    .where('action', '=', 'export')
    .where('target', '=', handle)
    .where('user_id', '=', userId)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => {
    const d = JSON.parse(r.detail) as Partial<ExportSummary>;
    return d.exportId ? [{ exportId: d.exportId, at: r.at, format: d.format ?? 'csv', scope: d.scope ?? 'all', rows: d.rows ?? 0, sha256: d.sha256 ?? '' }] : [];
  });
}
