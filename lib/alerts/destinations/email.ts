import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import { toCsv } from '../../util/csv';
import { clip, rowTexts, summaryText, type FiringMessage } from '../payload';
import type { PostOutcome } from '../post-webhook';
import { addressAllowed } from '../webhook-target';
import type { SmtpTarget } from './smtp-url';

/**
 * Email over SMTP with nodemailer: STARTTLS required on smtp:// (a server that does not offer it
 * is refused, so credentials and rows never cross the network in clear), certificates verified,
 * and the mail server's address checked like a webhook's (public, or an allowed network): the
 * connection goes to the address checked, with the host name kept for the certificate.
 */
export const EMAIL_ROW_LIMIT = 100;
const TIMEOUT_MS = 10_000;

interface StoredEmail {
  subject: string;
  text: string;
  csv: string;
}

/** The message of one firing: the summary and rows as text, the rows also as an attached CSV. */
export function emailBody(m: FiringMessage): string {
  const lines = rowTexts(m, EMAIL_ROW_LIMIT);
  const more = m.rowCount - lines.length;
  const text = [
    summaryText(m),
    '',
    ...lines.map((l) => `- ${l}`),
    ...(more > 0 ? [`...and ${more} more rows`] : []),
    '',
    `Condition: ${m.condition}`,
    ...(m.window ? [`Window (UTC): ${m.window.start} - ${m.window.end}`] : []),
    `The rows that fired: ${m.resultUrl}`,
    `Rule and history: ${m.rule.url}`,
  ].join('\n');
  const csv = toCsv([m.columns, ...m.rows.slice(0, EMAIL_ROW_LIMIT).map((r) => m.columns.map((c) => r[c] ?? null))], { formulaGuard: true });
  const subject = clip(`[Trailbench]${m.test ? ' [Test]' : ''} ${m.rule.name}: ${m.rowCount} rows`, 200);
  return JSON.stringify({ subject, text, csv } satisfies StoredEmail);
}

async function checkedAddress(host: string): Promise<string> {
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const refused = addresses.find((a) => !addressAllowed(a));
  if (refused)
    throw Object.assign(new Error(`${host} is ${refused}, not a public address; an admin can allow its network with TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS`), {
      permanent: true,
    });
  return addresses[0];
}

/** Sends one stored message; `ca` adds a trusted certificate authority (a private mail server's). */
export async function sendEmail(target: SmtpTarget, stored: string, deliveryKey: string, opts: { ca?: string } = {}): Promise<PostOutcome> {
  const mail = JSON.parse(stored) as StoredEmail;
  try {
    const address = await checkedAddress(target.host);
    const transport = nodemailer.createTransport({
      host: address,
      port: target.port,
      secure: target.implicitTls,
      requireTLS: !target.implicitTls,
      auth: target.user ? { user: target.user, pass: target.password ?? '' } : undefined,
      tls: { servername: isIP(target.host) ? undefined : target.host, ca: opts.ca, minVersion: 'TLSv1.2' },
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
    await transport.sendMail({
      from: target.from,
      to: target.to,
      subject: mail.subject,
      text: mail.text,
      attachments: [{ filename: 'rows.csv', content: mail.csv, contentType: 'text/csv; charset=utf-8' }],
      headers: { 'X-Trailbench-Delivery': deliveryKey },
    });
    transport.close();
    return {};
  } catch (e) {
    const err = e as Error & { responseCode?: number; code?: string; permanent?: boolean };
    // 5xx replies and refused credentials will not pass on retry; 4xx replies and network errors may
    const permanent = !!err.permanent || err.code === 'EAUTH' || (err.responseCode !== undefined && err.responseCode >= 500);
    return { error: `SMTP: ${clip(err.message, 300)}`, permanent };
  }
}
