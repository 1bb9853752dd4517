/**
 * The kinds of alert destination and what each is made of: a target (an https URL, or for email
 * an SMTP URL) and, for PagerDuty and Opsgenie, a key sent with each request. Both are stored
 * encrypted (lib/alerts/destinations.ts: url_secret and signing_secret).
 */
import type { DestinationKind } from '../../db/schema';

export type { DestinationKind };

/** How the console names each kind (every kind: the type makes a missing one an error). */
export const KIND_LABELS: Record<DestinationKind, string> = {
  slack: 'Slack incoming webhook',
  webhook: 'JSON webhook',
  email: 'Email (SMTP)',
  pagerduty: 'PagerDuty',
  teams: 'Microsoft Teams',
  opsgenie: 'Opsgenie',
};
export const DESTINATION_KINDS = Object.keys(KIND_LABELS) as DestinationKind[];

/** Kinds that need a key besides the URL: PagerDuty's integration (routing) key, Opsgenie's API key. */
export const KEYED_KINDS: ReadonlySet<DestinationKind> = new Set(['pagerduty', 'opsgenie']);

/** Where each kind posts when no URL is given (their public APIs); tests and EU accounts give their own. */
export const DEFAULT_URLS: Partial<Record<DestinationKind, string>> = {
  pagerduty: 'https://events.pagerduty.com/v2/enqueue',
  opsgenie: 'https://api.opsgenie.com/v2/alerts',
};

/** Incidents and alerts one rule opens share this key, so a rule that keeps firing updates one incident. */
export const incidentKey = (ruleId: string) => `trailbench-rule-${ruleId}`;
