'use client';

import { PageShell } from '@/components/layout/page-shell';
import { SavedList } from '@/components/saved-queries/saved-list';

export default function SavedQueriesPage() {
  return <PageShell title="Saved queries">{(me) => <SavedList me={me} />}</PageShell>;
}
