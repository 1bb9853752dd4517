/**
 * An email destination is one SMTP URL, stored encrypted like a webhook URL:
 * `smtp://user:password@mail.example.com:587/?from=alerts@example.com&to=soc@example.com,oncall@example.com`
 * `smtp://` always upgrades with STARTTLS (and refuses a server that does not offer it);
 * `smtps://` is TLS from the first byte (port 465). Credentials are optional (a relay may not need them).
 */
export interface SmtpTarget {
  host: string;
  port: number;
  implicitTls: boolean;
  user?: string;
  password?: string;
  from: string;
  to: string[];
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;
const MAX_RECIPIENTS = 20;

export function parseSmtpUrl(text: string): SmtpTarget | string {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return 'must be an smtp:// or smtps:// URL';
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') return 'must be an smtp:// or smtps:// URL';
  if (!u.hostname) return "needs the mail server's host name";
  const from = u.searchParams.get('from') ?? '';
  const to = (u.searchParams.get('to') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!ADDRESS.test(from)) return "needs ?from= with the sender's address";
  if (to.length === 0 || to.length > MAX_RECIPIENTS) return `needs &to= with 1 to ${MAX_RECIPIENTS} recipients, separated by commas`;
  const wrong = to.find((a) => !ADDRESS.test(a));
  if (wrong) return `has a recipient that is not an email address: ${wrong}`;
  const implicitTls = u.protocol === 'smtps:';
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : implicitTls ? 465 : 587,
    implicitTls,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    from,
    to,
  };
}
