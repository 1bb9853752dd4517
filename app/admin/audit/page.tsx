'use client';

import { AdminNav } from '@/components/accounts/admin-nav';
import { AuditLog } from '@/components/accounts/audit-log';
import { PageShell } from '@/components/accounts/page-shell';
import '@/components/accounts/accounts.css';

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
