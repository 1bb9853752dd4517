import { describe, expect, it } from 'vitest';
import { escapeSlack, render, templateErrors } from '../../lib/alerts/template';
import { slackBody, webhookBody, type FiringMessage } from '../../lib/alerts/payload';
import { firingLabel, formatWindow } from '../../components/alerts/format';

describe('message templates', () => {
  it('fills column and built-in names, leaves unknown names visible, evaluates nothing', () => {
    const row = { sourceIPAddress: '203.0.113.9', 'userIdentity.arn': 'arn:aws:iam::1:user/bob' };
    expect(render('{{ sourceIPAddress }} as {{userIdentity.arn}} ({{rule}})', { ...row, rule: 'R' })).toBe('203.0.113.9 as arn:aws:iam::1:user/bob (R)');
    expect(render('{{usrName}} {{constructor}} {{__proto__}}', row)).toBe('{{usrName}} {{constructor}} {{__proto__}}');
    expect(render('{{a}}', { a: '{{b}}', b: 'no' })).toBe('{{b}}'); // values are not re-expanded
  });

  it('names what is wrong with a template', () => {
    expect(templateErrors('{{ok}} text {{also.ok-1}}')).toEqual([]);
    expect(templateErrors('{{1+1}}')[0]).toMatch(/'\{\{1\+1\}\}' at character 1 is not a placeholder name/);
    expect(templateErrors('hello {{name')[0]).toMatch(/unmatched '\{\{'/);
    expect(templateErrors('x'.repeat(2001))[0]).toMatch(/longer than 2000/);
  });

  it('escapes Slack control characters in values', () => {
    expect(render('{{v}}', { v: '<!channel> & <http://evil|x>' }, escapeSlack)).toBe('&lt;!channel&gt; &amp; &lt;http://evil|x&gt;');
  });
});

const message = (over: Partial<FiringMessage> = {}): FiringMessage => ({
  deliveryId: 'rule:r1:window:a/b:d1',
  firingId: 'f1',
  test: false,
  conditionMet: true,
  rule: { id: 'r1', name: 'Failed sign-ins', url: 'http://tb/alerts/r1' },
  query: { id: 'q1', name: 'Failures per IP', url: 'http://tb/saved/q1' },
  resultUrl: 'http://tb/alerts/firings/f1',
  queryHandle: 'h1',
  firedAt: '2026-01-11T00:30:00.000Z',
  window: { mode: 'anchored', start: '2026-01-11T00:17:12.000Z', end: '2026-01-11T00:27:12.000Z' },
  condition: 'a row where failures >= 5',
  columns: ['sourceIPAddress', 'failures', 'userNames'],
  rows: [{ sourceIPAddress: '203.0.113.9', failures: '6', userNames: 'alice <admin>' }],
  rowCount: 1,
  totalRows: 3,
  summaryTemplate: '{{rowCount}} IPs over the limit',
  rowTemplate: '{{sourceIPAddress}}: {{failures}} for {{userNames}}',
  ...over,
});

describe('bodies', () => {
  it('gives Slack a header, the summary, one line per row (escaped) and links back', () => {
    const body = JSON.parse(slackBody(message()));
    expect(body.text).toBe('1 IPs over the limit');
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Failed sign-ins' } });
    const texts = body.blocks.map((b: { text?: { text: string } }) => b.text?.text ?? '').join('\n');
    expect(texts).toContain('• 203.0.113.9: 6 for alice &lt;admin&gt;');
    expect(texts).toContain('<http://tb/alerts/firings/f1|Open the rows that fired>');
    expect(texts).toContain('<http://tb/saved/q1|');
  });

  it('says how many rows Slack does not show', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ sourceIPAddress: `10.0.0.${i}`, failures: '9', userNames: 'u' }));
    const body = JSON.parse(slackBody(message({ rows, rowCount: 25 })));
    expect(JSON.stringify(body)).toContain('…and 15 more rows');
  });

  it('gives webhooks the documented JSON with rows as objects', () => {
    const body = JSON.parse(webhookBody(message({ test: true })));
    expect(body).toMatchObject({
      version: 1,
      event: 'alert.test',
      deliveryId: 'rule:r1:window:a/b:d1',
      firingId: 'f1',
      test: true,
      conditionMet: true,
      rule: { id: 'r1', name: 'Failed sign-ins' },
      summary: '1 IPs over the limit',
      lines: ['203.0.113.9: 6 for alice <admin>'],
      result: { queryId: 'h1', url: 'http://tb/alerts/firings/f1', columns: ['sourceIPAddress', 'failures', 'userNames'], rowCount: 1, truncated: false },
    });
    expect(body.result.rows).toEqual([{ sourceIPAddress: '203.0.113.9', failures: '6', userNames: 'alice <admin>' }]);
  });

  it('tells a test whose condition does not hold what the query returned', () => {
    const body = JSON.parse(webhookBody(message({ test: true, conditionMet: false, rows: [], rowCount: 0 })));
    expect(body.summary).toMatch(/does not hold now; the query returned 3 rows/);
  });
});

describe('history labels', () => {
  it('shows a window in UTC with the end date only when it differs', () => {
    expect(formatWindow('2026-11-27T14:57:43.000Z', '2026-11-27T15:07:43.000Z')).toBe('2026-11-27 14:57:43 – 15:07:43');
    expect(formatWindow('2026-11-27T23:55:00.000Z', '2026-11-28T00:05:00.000Z')).toBe('2026-11-27 23:55:00 – 2026-11-28 00:05:00');
    expect(formatWindow(null, null)).toBe('—');
  });

  it('names a test that matched nothing as such', () => {
    expect(firingLabel({ test: true, rowCount: 0 })).toBe('Test message (condition not met)');
    expect(firingLabel({ test: false, rowCount: 1 })).toBe('1 row that fired');
    expect(firingLabel({ test: true, rowCount: 3 })).toBe('3 rows that fired');
  });
});
