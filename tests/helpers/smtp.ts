import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/**
 * A real SMTP server (the smtp-server package) on this machine, with a certificate made for the
 * test (CN and SAN 127.0.0.1): STARTTLS, AUTH as user `alerts` / password `s3cret`, every message kept.
 */
export interface TestTls {
  key: string;
  cert: string;
  certPath: string;
}
export interface Mail {
  raw: string;
  secure: boolean;
  from: string;
  to: string[];
  user: string;
}
export interface TestSmtp {
  port: number;
  mails: Mail[];
  auths: string[];
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 in `dir` (a server trusts it with NODE_EXTRA_CA_CERTS=certPath). */
export function testCertificate(dir: string): TestTls {
  fs.mkdirSync(dir, { recursive: true });
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: fs.readFileSync(keyPath, 'utf8'), cert: fs.readFileSync(certPath, 'utf8'), certPath };
}

export async function startSmtp(tls: { key: string; cert: string }, options: Partial<SMTPServerOptions> = {}): Promise<TestSmtp> {
  const mails: Mail[] = [];
  const auths: string[] = [];
  const server = new SMTPServer({
    key: tls.key,
    cert: tls.cert,
    logger: false,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      auths.push(auth.username ?? '');
      if (auth.username === 'alerts' && auth.password === 's3cret') return cb(null, { user: auth.username });
      cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: String(session.user),
        });
        cb();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, auths, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The decoded attachment named rows.csv in a raw MIME message. */
export function attachment(raw: string): string {
  const part = raw.split(/\r?\n--/).find((p) => /filename="?rows\.csv/.test(p))!;
  const [, bodyText] = part.split(/\r?\n\r?\n/);
  return Buffer.from(bodyText.replace(/\s+/g, ''), 'base64').toString('utf8');
}
