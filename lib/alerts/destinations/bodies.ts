import { slackBody, webhookBody, type FiringMessage } from '../payload';
import { emailBody } from './email';
import type { DestinationKind } from './kinds';
import { opsgenieCreate } from './opsgenie';
import { pagerDutyTrigger } from './pagerduty';
import { teamsBody } from './teams';

/** What a firing stores for a destination of each kind (built once, so every retry sends the same bytes). */
export function firingBody(kind: DestinationKind, m: FiringMessage): string {
  switch (kind) {
    case 'slack':
      return slackBody(m);
    case 'webhook':
      return webhookBody(m);
    case 'email':
      return emailBody(m);
    case 'pagerduty':
      return JSON.stringify(pagerDutyTrigger(m));
    case 'teams':
      return teamsBody(m);
    case 'opsgenie':
      return JSON.stringify(opsgenieCreate(m));
  }
}
