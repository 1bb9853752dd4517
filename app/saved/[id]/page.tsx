'use client';

import { use } from 'react';
import { PageShell } from '@/components/layout/page-shell';
import { SavedQueryView } from '@/components/saved-queries/saved-query-view';

export default function SavedQueryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  return <PageShell>{(me) => <SavedQueryView id={id} me={me} />}</PageShell>;
}
