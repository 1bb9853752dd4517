import { clip, summaryText, type FiringMessage } from '../payload';
import { incidentKey } from './kinds';

/**
 * PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/):
 * a trigger per firing with the rule's stable dedup key, so repeated firings update one incident,
 * and a resolve with the same key. The routing key is added when sending (it is not stored with
 * the delivery).
 */
export function pagerDutyTrigger(m: FiringMessage): Record<string, unknown> {
  return {
    event_action: 'trigger',
    dedup_key: incidentKey(m.rule.id),
    payload: {
      summary: clip(`${m.test ? '[Test] ' : ''}${summaryText(m)}`, 1024),
      source: 'trailbench',
      severity: m.test ? 'info' : 'error',
      timestamp: m.firedAt,
      component: m.query.name,
      group: m.rule.name,
      class: 'cloudtrail-alert',
      custom_details: { condition: m.condition, window: m.window, columns: m.columns, rows: m.rows.slice(0, 20), rowCount: m.rowCount },
    },
    links: [
      { href: m.resultUrl, text: 'The rows that fired' },
      { href: m.rule.url, text: 'Rule and history' },
    ],
    client: 'Trailbench',
    client_url: m.rule.url,
  };
}

export function pagerDutyResolve(ruleId: string): Record<string, unknown> {
  return { event_action: 'resolve', dedup_key: incidentKey(ruleId) };
}

/** The request as sent: the stored event with the destination's routing key. */
export function withRoutingKey(body: string, routingKey: string): string {
  return JSON.stringify({ routing_key: routingKey, ...(JSON.parse(body) as object) });
}
