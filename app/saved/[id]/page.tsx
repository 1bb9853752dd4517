'use client';

import { use } from 'react';
import { PageShell } from '@/components/accounts/page-shell';
import { SavedQueryView } from '@/components/accounts/saved-query-view';
import '@/components/accounts/accounts.css';

export default function SavedQueryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  return <PageShell>{(me) => <SavedQueryView id={id} me={me} />}</PageShell>;
}
