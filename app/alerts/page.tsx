'use client';

import Link from 'next/link';
import { PageShell } from '@/components/layout/page-shell';
import { DestinationsPanel } from '@/components/alerts/destinations-panel';
import { RulesList } from '@/components/alerts/rules-list';
import { TemplateForm } from '@/components/alerts/template-form';

/** The user's alert rules, the seed templates, and destinations. */
export default function AlertsPage() {
  return (
    <PageShell title="Alerts">
      {(me) => (
        <>
          <p className="acc-muted">
            Rules run saved queries on a schedule and notify Slack, webhooks, email, PagerDuty, Teams or Opsgenie when a condition holds, or send the result
            every run as a scheduled report. Add a rule from a saved query’s page, start from a template, or enable a detection on the{' '}
            <Link href="/detections">Detections</Link> page.
          </p>
          <RulesList label="My alert rules" />
          {me.role !== 'viewer' && <TemplateForm />}
          <DestinationsPanel canEdit={me.role !== 'viewer'} />
        </>
      )}
    </PageShell>
  );
}
