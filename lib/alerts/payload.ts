import { defaultRowText, escapeSlack, render } from './template';
import type { Row } from './condition';

/**
 * The bodies Trailbench posts for one firing: Slack Block Kit for Slack incoming webhooks, and
 * the documented JSON (docs/alerts.md) for generic webhooks. Built once when the rule fires and
 * stored with the delivery, so every retry sends the same bytes.
 */
export interface FiringMessage {
  deliveryId: string;
  firingId: string;
  test: boolean;
  /** False only for a test run whose condition did not hold (a test always notifies). */
  conditionMet: boolean;
  rule: { id: string; name: string; url: string };
  query: { id: string; name: string; url: string };
  resultUrl: string;
  queryHandle: string | null;
  firedAt: string;
  window: { mode: 'schedule' | 'anchored'; start: string; end: string } | null;
  condition: string;
  columns: string[];
  /** The rows that fired (capped); `rowCount` is how many there were. */
  rows: Row[];
  rowCount: number;
  totalRows: number;
  summaryTemplate: string;
  rowTemplate: string;
}

export const DEFAULT_SUMMARY = '{{rule}}: {{rowCount}} matching rows in {{query}}';
export const SLACK_ROW_LIMIT = 10;
export const WEBHOOK_ROW_LIMIT = 100;

function values(m: FiringMessage): Record<string, string | number> {
  return {
    rule: m.rule.name,
    query: m.query.name,
    rowCount: m.rowCount,
    window_start: m.window?.start ?? '',
    window_end: m.window?.end ?? '',
    link: m.resultUrl,
  };
}

export function summaryText(m: FiringMessage, escape?: (s: string) => string): string {
  if (!m.conditionMet)
    return `Test of “${m.rule.name}”: the condition (${m.condition}) does not hold now; the query returned ${m.totalRows} rows. Nothing would be sent by a scheduled run.`;
  return render(m.summaryTemplate || DEFAULT_SUMMARY, values(m), escape);
}

export function rowTexts(m: FiringMessage, limit: number, escape?: (s: string) => string): string[] {
  return m.rows
    .slice(0, limit)
    .map((r) => (m.rowTemplate ? render(m.rowTemplate, { ...values(m), ...r }, escape) : escapeOr(defaultRowText(m.columns, r), escape)));
}

const escapeOr = (s: string, escape?: (s: string) => string) => (escape ? escape(s) : s);
export const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function slackBody(m: FiringMessage): string {
  const summary = summaryText(m, escapeSlack);
  const lines = rowTexts(m, SLACK_ROW_LIMIT, escapeSlack);
  const more = m.rowCount - lines.length;
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${m.test ? '[Test] ' : ''}${m.rule.name}`, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(summary, 3000) } },
  ];
  if (lines.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(lines.map((l) => `• ${l}`).join('\n'), 3000) } });
  if (more > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${more} more rows` }] });
  const context = [`Condition: ${m.condition}`];
  if (m.window) context.push(`Window (UTC): ${m.window.start} – ${m.window.end}${m.window.mode === 'anchored' ? ' (before the newest event)' : ''}`);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(context.join(' · ')) }] });
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `<${m.resultUrl}|Open the rows that fired> · <${m.query.url}|Open the saved query “${escapeSlack(m.query.name)}”> · <${m.rule.url}|Rule and history>`,
    },
  });
  return JSON.stringify({ text: clip(`${m.test ? '[Test] ' : ''}${summaryText(m)}`, 3000), blocks });
}

export function webhookBody(m: FiringMessage): string {
  const rows = m.rows.slice(0, WEBHOOK_ROW_LIMIT);
  return JSON.stringify({
    version: 1,
    event: m.test ? 'alert.test' : 'alert.fired',
    deliveryId: m.deliveryId,
    firingId: m.firingId,
    test: m.test,
    conditionMet: m.conditionMet,
    firedAt: m.firedAt,
    rule: m.rule,
    query: m.query,
    window: m.window,
    condition: m.condition,
    summary: summaryText(m),
    lines: rowTexts(m, WEBHOOK_ROW_LIMIT),
    result: { queryId: m.queryHandle, url: m.resultUrl, columns: m.columns, rows, rowCount: m.rowCount, truncated: m.rowCount > rows.length },
  });
}
