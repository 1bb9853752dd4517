import { postWebhook, type PostOutcome } from '../post-webhook';
import { SIGNATURE_HEADER, sign } from '../signature';
import { sendEmail } from './email';
import { DEFAULT_URLS, type DestinationKind } from './kinds';
import { opsgenieRequest } from './opsgenie';
import { withRoutingKey } from './pagerduty';
import { parseSmtpUrl } from './smtp-url';

/** An opened destination: its URL (or SMTP URL) and secret (webhook signing secret, PagerDuty routing key, Opsgenie API key). */
export interface Target {
  kind: DestinationKind;
  url: string;
  secret: string | null;
}

/** Sends one stored delivery body to its destination, as each kind's API expects it. */
export async function sendToDestination(t: Target, body: string, deliveryKey: string): Promise<PostOutcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Trailbench-Alerts/1' };
  switch (t.kind) {
    case 'email': {
      const smtp = parseSmtpUrl(t.url);
      return typeof smtp === 'string' ? { error: `The SMTP URL ${smtp}.`, permanent: true } : sendEmail(smtp, body, deliveryKey);
    }
    case 'pagerduty':
      return postWebhook(t.url || DEFAULT_URLS.pagerduty!, withRoutingKey(body, t.secret ?? ''), headers);
    case 'opsgenie': {
      const request = opsgenieRequest(t.url || DEFAULT_URLS.opsgenie!, body);
      return postWebhook(request.url, request.body, { ...headers, authorization: `GenieKey ${t.secret ?? ''}` });
    }
    case 'teams':
      return postWebhook(t.url, body, headers);
    case 'slack':
    case 'webhook': {
      const event = (JSON.parse(body) as { event?: string }).event ?? 'alert.fired';
      const hooks: Record<string, string> = { ...headers, 'x-trailbench-delivery': deliveryKey, 'x-trailbench-event': event };
      if (t.secret) hooks[SIGNATURE_HEADER.toLowerCase()] = sign(body, t.secret);
      return postWebhook(t.url, body, hooks);
    }
  }
}
