'use client';

import { NewSavedQuery } from '@/components/saved-queries/new-saved-query';
import { PageShell } from '@/components/layout/page-shell';

/** `/saved/new?sql=...&storeId=...&connectionId=...&name=...&tags=a,b&folder=...` (all optional): save a query. */
export default function NewSavedQueryPage() {
  return (
    <PageShell title="New saved query" roles={['admin', 'analyst']}>
      {() => <NewSavedQuery />}
    </PageShell>
  );
}
