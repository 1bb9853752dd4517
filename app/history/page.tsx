'use client';

import { HistoryTable } from '@/components/history/history-table';
import { PageShell } from '@/components/layout/page-shell';

export default function HistoryPage() {
  return <PageShell title="History">{(me) => <HistoryTable me={me} />}</PageShell>;
}
