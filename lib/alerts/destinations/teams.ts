import { rowTexts, summaryText, type FiringMessage } from '../payload';

/**
 * Microsoft Teams incoming webhooks (Workflows "post to a channel when a webhook request is
 * received", and the older connectors) take a message with an Adaptive Card attachment
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference).
 */
export const TEAMS_ROW_LIMIT = 10;

export function teamsBody(m: FiringMessage): string {
  const lines = rowTexts(m, TEAMS_ROW_LIMIT);
  const more = m.rowCount - lines.length;
  const facts = [{ title: 'Condition', value: m.condition }];
  if (m.window) facts.push({ title: 'Window (UTC)', value: `${m.window.start} – ${m.window.end}` });
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      { type: 'TextBlock', size: 'Large', weight: 'Bolder', wrap: true, text: `${m.test ? '[Test] ' : ''}${m.rule.name}` },
      { type: 'TextBlock', wrap: true, text: summaryText(m) },
      ...lines.map((l) => ({ type: 'TextBlock', wrap: true, spacing: 'Small', fontType: 'Monospace', text: l })),
      ...(more > 0 ? [{ type: 'TextBlock', isSubtle: true, text: `…and ${more} more rows` }] : []),
      { type: 'FactSet', facts },
    ],
    actions: [
      { type: 'Action.OpenUrl', title: 'Open the rows that fired', url: m.resultUrl },
      { type: 'Action.OpenUrl', title: 'Rule and history', url: m.rule.url },
    ],
  };
  return JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] });
}
