'use client';

import { AdminNav } from '@/components/admin/admin-nav';
import { AuditLog } from '@/components/admin/audit-log';
import { PageShell } from '@/components/layout/page-shell';

export default function AdminAuditPage() {
  return (
    <PageShell title="Audit log" roles={['admin']}>
      {() => (
        <>
          <AdminNav />
          <AuditLog />
        </>
      )}
    </PageShell>
  );
}
