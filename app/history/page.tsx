'use client';

import { HistoryTable } from '@/components/accounts/history-table';
import { PageShell } from '@/components/accounts/page-shell';
import '@/components/accounts/accounts.css';

export default function HistoryPage() {
  return <PageShell title="History">{(me) => <HistoryTable me={me} />}</PageShell>;
}
