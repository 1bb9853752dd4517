'use client';

import { PageShell } from '@/components/layout/page-shell';
import { NewRule } from '@/components/alerts/new-rule';

/** `/alerts/new?savedQueryId=...`: a new alert rule on that saved query. */
export default function NewAlertRulePage() {
  return (
    <PageShell title="New alert rule" roles={['admin', 'analyst']}>
      {() => <NewRule />}
    </PageShell>
  );
}
