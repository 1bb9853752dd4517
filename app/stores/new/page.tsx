'use client';

import { PageShell } from '@/components/layout/page-shell';
import { StoreWizard } from '@/components/lake-admin/store-wizard';
import '@/components/lake-admin/lake-admin.css';

export default function NewStorePage() {
  return (
    <PageShell title="Create event data store" roles={['admin']}>
      {() => <StoreWizard />}
    </PageShell>
  );
}
