import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/db/schema';

// Alert webhooks (issue 19, item 6): no loopback, link-local or private target unless an admin
// allows its network; checked after DNS; the rule history keeps the status, not the reply.
// Here only 127.0.0.2 is allowed, so a receiver there is reachable and one on 127.0.0.1 is not.
process.env.NEXTAUTH_SECRET = 'unit-test-session-secret-0123456789abcdef';
process.env.TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.2/32';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-webhooks-'));
const user = { id: 'u1', email: 'owner@example.test', name: 'Owner', role: 'analyst' as const };
let db: Kysely<Database>;

interface Local {
  url: string;
  hits: number;
  close(): Promise<void>;
}
async function receiver(host: string, status: number, reply: string, headers: Record<string, string> = {}): Promise<Local> {
  const r = { hits: 0 } as Local;
  const server = http.createServer((req, res) => {
    r.hits++;
    req.resume();
    res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(reply);
  });
  await new Promise<void>((done) => server.listen(0, host, done));
  r.url = `http://${host}:${(server.address() as AddressInfo).port}`;
  r.close = () => new Promise((done) => server.close(() => done()));
  return r;
}

beforeAll(async () => {
  const { openDb } = await import('../../lib/db');
  db = await openDb(undefined, dir);
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      password_hash: null,
      disabled: 0,
      created_at: new Date().toISOString(),
      last_login_at: null,
    })
    .execute();
});
afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Stores a destination for `url` (past the API's own check), queues one delivery to it and runs the worker. */
async function deliverTo(url: string) {
  const { createDestination } = await import('../../lib/alerts/destinations');
  const { deliverDue } = await import('../../lib/alerts/deliver');
  const made = await createDestination(db, user, { name: `to ${url}`, kind: 'webhook', url, sign: false });
  const now = new Date().toISOString();
  const id = `d-${made.destination.id}`;
  await db
    .insertInto('alert_deliveries')
    .values({
      id,
      firing_id: 'f1',
      destination_id: made.destination.id,
      idempotency_key: id,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_until: null,
      body: JSON.stringify({ event: 'alert.fired' }),
      last_status: null,
      last_error: null,
      attempt_log: '[]',
      delivered_at: null,
      created_at: now,
    } as Database['alert_deliveries'])
    .execute();
  await deliverDue(db);
  return db.selectFrom('alert_deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('webhook targets', () => {
  it('refuses non-public addresses, IPv4-mapped ones included, and allows public ones', async () => {
    const { addressAllowed } = await import('../../lib/alerts/webhook-target');
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      '2002:7f00:1::1',
    ]) {
      expect(addressAllowed(a), a).toBe(false);
    }
    for (const a of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '127.0.0.2']) expect(addressAllowed(a), a).toBe(true);
  });

  it('refuses an address or localhost when the destination is created, naming the variable that allows it', async () => {
    const { destinationInput } = await import('../../lib/alerts/input');
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://[::1]/x',
      'http://localhost:8080/',
      'http://169.254.169.254/latest/meta-data/',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://[::ffff:7f00:1]/',
    ]) {
      const r = destinationInput.safeParse({ name: 'n', kind: 'webhook', url });
      expect(r.success, url).toBe(false);
      expect(r.error!.issues[0].message).toMatch(/TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS/);
    }
    expect(destinationInput.safeParse({ name: 'n', kind: 'slack', url: 'https://hooks.slack.com/services/T/B/x' }).success).toBe(true);
  });

  it('checks a host name after DNS: one resolving to loopback is refused at delivery', async () => {
    const { checkedLookup } = await import('../../lib/alerts/webhook-target');
    const err = await new Promise<Error | null>((resolve) => checkedLookup('localhost', { all: true }, (e) => resolve(e)));
    expect(err?.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), not a public address/);
  });

  it('does not send to 127.0.0.1 by default, and stores why', async () => {
    const local = await receiver('127.0.0.1', 200, 'ok');
    const d = await deliverTo(`${local.url}/hook`);
    expect(local.hits).toBe(0);
    expect(d.status).toBe('failed');
    expect(d.last_error).toMatch(/^Refused: 127\.0\.0\.1 is not a public address/);
    await local.close();
  });

  it('sends to an allowed network, and keeps the status line, not the reply body', async () => {
    const allowed = await receiver('127.0.0.2', 500, 'internal secret: db password is hunter2');
    const d = await deliverTo(`${allowed.url}/hook`);
    expect(allowed.hits).toBe(1);
    expect(d.last_error).toBe('HTTP 500 Internal Server Error');
    expect(d.attempt_log).not.toContain('hunter2');
    await allowed.close();
  });

  it('does not follow a redirect (to loopback or anywhere)', async () => {
    const target = await receiver('127.0.0.1', 200, 'ok');
    const redirecting = await receiver('127.0.0.2', 302, '', { location: `${target.url}/inside` });
    const d = await deliverTo(`${redirecting.url}/hook`);
    expect(redirecting.hits).toBe(1);
    expect(target.hits).toBe(0);
    expect(d.last_error).toBe('HTTP 302 Found (redirects are not followed)');
    await Promise.all([target.close(), redirecting.close()]);
  });
});
