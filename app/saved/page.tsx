'use client';

import { PageShell } from '@/components/accounts/page-shell';
import { SavedList } from '@/components/accounts/saved-list';
import '@/components/accounts/accounts.css';

export default function SavedQueriesPage() {
  return <PageShell title="Saved queries">{(me) => <SavedList me={me} />}</PageShell>;
}
