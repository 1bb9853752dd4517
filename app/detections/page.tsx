'use client';

import { PageShell } from '@/components/layout/page-shell';
import { DetectionsView } from '@/components/detections/detections-view';

/** The detection library: coverage for a store, the ATT&CK view, Enable as an alert rule. */
export default function DetectionsPage() {
  return <PageShell title="Detections">{(me) => <DetectionsView me={me} />}</PageShell>;
}
