'use client';

import { use } from 'react';
import { PageShell } from '@/components/layout/page-shell';
import { FiringView } from '@/components/alerts/firing-view';

/** The rows one firing notified about; Slack messages and webhooks link here. */
export default function AlertFiringPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  return <PageShell>{() => <FiringView id={id} />}</PageShell>;
}
