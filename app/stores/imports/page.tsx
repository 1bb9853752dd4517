'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { PageShell } from '@/components/layout/page-shell';
import { ImportsPage } from '@/components/lake-admin/imports-page';
import '@/components/lake-admin/lake-admin.css';

function Imports() {
  const q = useSearchParams();
  return (
    <PageShell title="Imports" roles={['admin', 'analyst']}>
      {(me) => <ImportsPage isAdmin={me.role === 'admin'} preselect={q.get('store') ?? undefined} opened={q.get('import') ?? undefined} />}
    </PageShell>
  );
}

export default function ImportsRoute() {
  return (
    <Suspense>
      <Imports />
    </Suspense>
  );
}
