import { getDb } from '@/lib/db';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { auditCsv, readAudit } from '@/lib/auth/audit-read';

export const dynamic = 'force-dynamic';

/** Admins: the audit log (`?email=&action=&since=&until=`), as JSON or `?format=csv`. */
export const GET = withUser(ADMINS, async ({ req }) => {
  const p = new URL(req.url).searchParams;
  const rows = await readAudit(await getDb(), {
    email: p.get('email') ?? undefined,
    action: p.get('action') ?? undefined,
    since: p.get('since') ?? undefined,
    until: p.get('until') ?? undefined,
  });
  if (p.get('format') === 'csv') {
    return new Response(auditCsv(rows), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="trailbench-audit.csv"' },
    });
  }
  return { entries: rows };
});
