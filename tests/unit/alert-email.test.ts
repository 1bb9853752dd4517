import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailBody, sendEmail } from '../../lib/alerts/destinations/email';
import { parseSmtpUrl, type SmtpTarget } from '../../lib/alerts/destinations/smtp-url';
import type { FiringMessage } from '../../lib/alerts/payload';
import { attachment, startSmtp, testCertificate, type TestSmtp, type TestTls } from '../helpers/smtp';

// Email destinations against a real SMTP server (the smtp-server package) on this machine, with a
// certificate made for the test: STARTTLS, AUTH, the rows in the text and as an attached CSV.
process.env.TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-smtp-'));
let tls: TestTls;
let cert: string;
const servers: TestSmtp[] = [];

beforeAll(() => {
  tls = testCertificate(dir);
  cert = tls.cert;
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function smtpServer(options: Partial<SMTPServerOptions> = {}) {
  const s = await startSmtp(tls, options);
  servers.push(s);
  return s;
}

const target = (port: number, user = 'alerts', password = 's3cret'): SmtpTarget =>
  parseSmtpUrl(`smtp://${user}:${password}@127.0.0.1:${port}/?from=trailbench@example.com&to=soc@example.com,oncall@example.com`) as SmtpTarget;

const message: FiringMessage = {
  deliveryId: 'rule:r1:window:a/b:d1',
  firingId: 'f1',
  test: false,
  conditionMet: true,
  rule: { id: 'r1', name: 'Root user activity', url: 'http://trailbench.test/alerts/r1' },
  query: { id: 'q1', name: 'root-account-activity', url: 'http://trailbench.test/saved/q1' },
  resultUrl: 'http://trailbench.test/alerts/firings/f1',
  queryHandle: 'h1',
  firedAt: '2026-01-01T00:00:00.000Z',
  window: { mode: 'schedule', start: '2025-12-31T23:00:00.000Z', end: '2026-01-01T00:00:00.000Z' },
  condition: 'any row',
  columns: ['eventName', 'sourceIPAddress'],
  rows: [
    { eventName: 'CreateUser', sourceIPAddress: '203.0.113.9' },
    { eventName: '=HYPERLINK("x")', sourceIPAddress: '198.51.100.1' },
  ],
  rowCount: 2,
  totalRows: 2,
  summaryTemplate: '',
  rowTemplate: '',
};

describe('email destinations', () => {
  it('reads SMTP URLs and says what is missing', () => {
    expect(parseSmtpUrl('smtps://mail.example.com/?from=a@example.com&to=b@example.com')).toMatchObject({
      host: 'mail.example.com',
      port: 465,
      implicitTls: true,
      to: ['b@example.com'],
    });
    expect(parseSmtpUrl('smtp://u:p%40ss@mail.example.com/?from=a@example.com&to=b@example.com')).toMatchObject({
      port: 587,
      implicitTls: false,
      user: 'u',
      password: 'p@ss',
    });
    expect(parseSmtpUrl('https://mail.example.com/')).toBe('must be an smtp:// or smtps:// URL');
    expect(parseSmtpUrl('smtp://mail.example.com/?to=b@example.com')).toBe("needs ?from= with the sender's address");
    expect(parseSmtpUrl('smtp://mail.example.com/?from=a@example.com&to=b@example.com,nobody')).toBe('has a recipient that is not an email address: nobody');
  });

  it('sends the alert over STARTTLS with authentication: rows in the text and as CSV', async () => {
    const s = await smtpServer();
    const outcome = await sendEmail(target(s.port), emailBody(message), message.deliveryId, { ca: cert });
    expect(outcome).toEqual({});
    expect(s.mails).toHaveLength(1);
    const [mail] = s.mails;
    expect(mail).toMatchObject({ secure: true, from: 'trailbench@example.com', to: ['soc@example.com', 'oncall@example.com'], user: 'alerts' });
    expect(mail.raw).toMatch(/^Subject: \[Trailbench\] Root user activity: 2 rows$/m);
    expect(mail.raw).toMatch(/^X-Trailbench-Delivery: rule:r1:window:a\/b:d1$/m);
    expect(mail.raw).toContain('eventName=CreateUser, sourceIPAddress=203.0.113.9');
    expect(attachment(mail.raw)).toBe('eventName,sourceIPAddress\r\nCreateUser,203.0.113.9\r\n"\'=HYPERLINK(""x"")",198.51.100.1\r\n');
  });

  it('refuses a server that does not offer STARTTLS before sending credentials', async () => {
    const s = await smtpServer({ disabledCommands: ['STARTTLS'], allowInsecureAuth: true });
    const outcome = await sendEmail(target(s.port), emailBody(message), 'k', { ca: cert });
    expect(outcome.error).toMatch(/^SMTP: .*STARTTLS/i);
    expect(s.auths).toEqual([]);
    expect(s.mails).toEqual([]);
  });

  it('refuses a certificate it cannot verify, and wrong credentials for good', async () => {
    const s = await smtpServer();
    const untrusted = await sendEmail(target(s.port), emailBody(message), 'k');
    expect(untrusted.error).toMatch(/certificate/i);
    const denied = await sendEmail(target(s.port, 'alerts', 'wrong'), emailBody(message), 'k', { ca: cert });
    expect(denied).toMatchObject({ permanent: true });
    expect(denied.error).toMatch(/Invalid username or password/);
    expect(s.mails).toEqual([]);
  });

  it('will not connect to a mail server on a network that is not allowed', async () => {
    const outcome = await sendEmail({ ...target(25), host: '10.20.30.40' }, emailBody(message), 'k', { ca: cert });
    expect(outcome).toEqual({ error: expect.stringMatching(/10\.20\.30\.40 is 10\.20\.30\.40, not a public address/), permanent: true });
  });
});
