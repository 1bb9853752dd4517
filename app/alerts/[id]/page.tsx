'use client';

import { use } from 'react';
import { PageShell } from '@/components/accounts/page-shell';
import { RuleView } from '@/components/alerts/rule-view';
import '@/components/accounts/accounts.css';

export default function AlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  return <PageShell>{(me) => <RuleView id={id} me={me} />}</PageShell>;
}
