'use client';

import { AdminNav } from '@/components/admin/admin-nav';
import { PageShell } from '@/components/layout/page-shell';
import { UsersAdmin } from '@/components/admin/users-admin';

export default function AdminUsersPage() {
  return (
    <PageShell title="Users" roles={['admin']}>
      {(me) => (
        <>
          <AdminNav />
          <UsersAdmin me={me} />
        </>
      )}
    </PageShell>
  );
}
