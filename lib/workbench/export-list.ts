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
  return (await exportsOfRuns(db, [handle], userId)).get(handle)?.slice(0, limit) ?? [];
}

/** Finished exports of each run, newest first: one user's (`userId`), or anyone's (an admin's view of everyone's runs). */
export async function exportsOfRuns(db: Kysely<Database>, handles: string[], userId?: string): Promise<Map<string, ExportSummary[]>> {
  const out = new Map<string, ExportSummary[]>();
  if (!handles.length) return out;
  let q = db.selectFrom('audit_log').select(['at', 'target', 'detail']).where('action', '=', 'export').where('target', 'in', handles);
  if (userId) q = q.where('user_id', '=', userId);
  for (const r of await q.orderBy('at', 'desc').execute()) {
    const d = JSON.parse(r.detail) as Partial<ExportSummary>;
    if (!d.exportId || !r.target) continue;
    const list = out.get(r.target) ?? [];
    list.push({ exportId: d.exportId, at: r.at, format: d.format ?? 'csv', scope: d.scope ?? 'all', rows: d.rows ?? 0, sha256: d.sha256 ?? '' });
    out.set(r.target, list);
  }
  return out;
}
