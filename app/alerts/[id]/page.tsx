'use client';

import { use } from 'react';
import { PageShell } from '@/components/layout/page-shell';
import { RuleView } from '@/components/alerts/rule-view';

export default function AlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  return <PageShell>{(me) => <RuleView id={id} me={me} />}</PageShell>;
}
