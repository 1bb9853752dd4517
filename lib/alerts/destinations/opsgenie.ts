import { clip, rowTexts, summaryText, type FiringMessage } from '../payload';
import { incidentKey } from './kinds';

/**
 * Opsgenie Alert API (https://docs.opsgenie.com/docs/alert-api): create an alert whose alias is
 * the rule's stable key (Opsgenie de-duplicates open alerts by alias), close it by alias. The API
 * key goes in `Authorization: GenieKey <key>` when sending.
 */
export function opsgenieCreate(m: FiringMessage): Record<string, unknown> {
  return {
    message: clip(`${m.test ? '[Test] ' : ''}${m.rule.name}`, 130),
    alias: incidentKey(m.rule.id),
    description: clip([summaryText(m), '', ...rowTexts(m, 50), '', `Rows: ${m.resultUrl}`].join('\n'), 15_000),
    details: { rule: m.rule.name, query: m.query.name, rowCount: String(m.rowCount), condition: m.condition, result: m.resultUrl },
    source: 'Trailbench',
    tags: ['trailbench', 'cloudtrail'],
    priority: m.test ? 'P5' : 'P3',
  };
}

/** A stored close of the rule's alert: sent to `<alerts URL>/<alias>/close?identifierType=alias`. */
export function opsgenieClose(ruleId: string): Record<string, unknown> {
  return { action: 'close', alias: incidentKey(ruleId), source: 'Trailbench', note: "The rule's condition no longer holds." };
}

/** Where and what to post for a stored Opsgenie body: a create goes to the alerts URL, a close to the alias's close URL. */
export function opsgenieRequest(alertsUrl: string, stored: string): { url: string; body: string } {
  const { action, alias, ...rest } = JSON.parse(stored) as { action?: string; alias: string };
  if (action !== 'close') return { url: alertsUrl, body: stored };
  return { url: `${alertsUrl.replace(/\/$/, '')}/${encodeURIComponent(alias)}/close?identifierType=alias`, body: JSON.stringify(rest) };
}
