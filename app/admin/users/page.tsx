'use client';

import { AdminNav } from '@/components/accounts/admin-nav';
import { PageShell } from '@/components/accounts/page-shell';
import { UsersAdmin } from '@/components/accounts/users-admin';
import '@/components/accounts/accounts.css';

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
