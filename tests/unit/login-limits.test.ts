import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/db/schema';
import { ACCOUNT_UNDER_ATTACK, ATTACK_SPACING_MS, PER_ACCOUNT_ADDRESS, PER_ADDRESS, SignInLimits, addressKey } from '../../lib/auth/rate-limit';

// Sign-in limits (issue 19, item 4): what the address is, what is limited per address and per
// account, that an attacker can neither reset them nor turn them on someone else, and that an
// unknown account answers as slowly as a known one.
process.env.TRAILBENCH_TRUSTED_PROXIES = '10.0.0.1,10.0.1.0/24';

const ADMIN = 'admin@example.test';

describe('the limits', () => {
  it('stop one address after PER_ADDRESS failures whatever the emails, without touching other addresses or the accounts', () => {
    const l = new SignInLimits();
    for (let i = 0; i < PER_ADDRESS; i++) {
      expect(l.refusal(`made-up-${i}@example.test`, '203.0.113.5', 1000)).toBeUndefined();
      l.failed(`made-up-${i}@example.test`, '203.0.113.5', 1000);
    }
    expect(l.refusal('another@example.test', '203.0.113.5', 1000)).toMatch(/Too many/);
    expect(l.refusal(ADMIN, '203.0.113.5', 1000)).toMatch(/Too many/);
    expect(l.refusal(ADMIN, '198.51.100.7', 1000)).toBeUndefined();
  });

  it('stop guesses at one account from one address, not from another; the window then ends', () => {
    const l = new SignInLimits();
    for (let i = 0; i < PER_ACCOUNT_ADDRESS; i++) l.failed(ADMIN, '203.0.113.5', 1000);
    expect(l.refusal(ADMIN, '203.0.113.5', 1000)).toMatch(/Too many/);
    expect(l.refusal(ADMIN, '198.51.100.7', 1000)).toBeUndefined();
    expect(l.refusal(ADMIN, '203.0.113.5', 1000 + 15 * 60_000)).toBeUndefined();
  });

  it("are not reset by signing in to an account of one's own", () => {
    const l = new SignInLimits();
    for (let i = 0; i < PER_ADDRESS - 1; i++) l.failed(`guess-${i}@example.test`, '203.0.113.5', 1000);
    l.succeeded('attacker@example.test', '203.0.113.5');
    l.failed('guess-last@example.test', '203.0.113.5', 1000);
    expect(l.refusal('guess-next@example.test', '203.0.113.5', 1000)).toMatch(/Too many/);
  });

  it("count an IPv6 client's whole /64, so varying the interface part does not help", () => {
    expect(addressKey('2001:db8:aa:1::1')).toBe(addressKey('2001:db8:aa:1:ffff:1:2:3'));
    expect(addressKey('2001:db8:aa:2::1')).not.toBe(addressKey('2001:db8:aa:1::1'));
    const l = new SignInLimits();
    for (let i = 0; i < PER_ADDRESS; i++) l.failed(`x${i}@example.test`, `2001:db8:aa:1::${i.toString(16)}`, 1000);
    expect(l.refusal(ADMIN, '2001:db8:aa:1::beef', 1000)).toMatch(/Too many/);
  });

  it('slow guessing spread over many addresses to one attempt per spacing, but not the owner on an address they used before', () => {
    const l = new SignInLimits();
    l.succeeded(ADMIN, '198.51.100.7');
    for (let i = 0; i < ACCOUNT_UNDER_ATTACK; i++) l.failed(ADMIN, `203.0.113.${i}`, 1000);
    expect(l.refusal(ADMIN, '192.0.2.1', 1000)).toBeUndefined();
    expect(l.refusal(ADMIN, '192.0.2.2', 1001)).toMatch(/wait 30 seconds/);
    expect(l.refusal(ADMIN, '192.0.2.2', 1000 + ATTACK_SPACING_MS)).toBeUndefined();
    expect(l.refusal(ADMIN, '198.51.100.7', 1002)).toBeUndefined();
    expect(l.refusal('someone-else@example.test', '192.0.2.3', 1003)).toBeUndefined();
  });
});

describe('the client address', () => {
  let server: http.Server;
  let url: string;
  let seen: Record<string, string | string[] | undefined>;
  beforeAll(async () => {
    const { installPeerAddressHook } = await import('../../lib/http/peer-address');
    installPeerAddressHook();
    server = http.createServer((req, res) => {
      seen = req.headers;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('is the socket peer, stamped on each request over whatever the client sent', async () => {
    const { clientAddress, headerGetter } = await import('../../lib/http/client-address');
    await fetch(url, { headers: { 'x-forwarded-for': '198.51.100.1', 'x-trailbench-peer-address': '10.0.0.1', 'x-real-ip': '198.51.100.2' } });
    expect(seen['x-trailbench-peer-address']).toBe('127.0.0.1');
    expect(clientAddress(headerGetter(seen))).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For unless the peer is a trusted proxy; then takes its right-most untrusted entry', async () => {
    const { clientAddress, viaTrustedProxy } = await import('../../lib/http/client-address');
    const from = (peer: string, xff?: string) => (n: string) =>
      (({ 'x-trailbench-peer-address': peer, 'x-forwarded-for': xff }) as Record<string, string | undefined>)[n];
    for (let i = 1; i <= 60; i++) expect(clientAddress(from('203.0.113.5', `198.51.100.${i}`))).toBe('203.0.113.5');
    expect(clientAddress(from('10.0.0.1', '192.0.2.200, 203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(from('10.0.0.1', '203.0.113.9, 10.0.1.7'))).toBe('203.0.113.9');
    expect(clientAddress(from('10.0.0.1'))).toBe('10.0.0.1');
    expect(clientAddress(from('::ffff:203.0.113.5'))).toBe('203.0.113.5');
    expect(viaTrustedProxy(from('10.0.1.9'))).toBe(true);
    expect(viaTrustedProxy(from('10.0.2.9'))).toBe(false);
  });
});

describe('sign-in timing', () => {
  let dir: string;
  let db: Kysely<Database>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-login-'));
    const { openDb } = await import('../../lib/db');
    db = await openDb(undefined, dir);
    const { createUser } = await import('../../lib/auth/users');
    await createUser(db, { email: ADMIN, role: 'admin', password: 'the-right-password-1' });
    await createUser(db, { email: 'invited@example.test', role: 'viewer' });
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes as long for an unknown or password-less account as for a known one with a wrong password', async () => {
    const { signIn } = await import('../../lib/auth/users');
    const time = async (email: string, i: number) => {
      const t = performance.now();
      expect(await signIn(db, email, 'a-wrong-password', `192.0.2.${i}`)).toBeNull();
      return performance.now() - t;
    };
    await time('warm-up@example.test', 100);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    const invited: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(ADMIN, i));
      unknown.push(await time(`nobody-${i}@example.test`, 10 + i));
      invited.push(await time('invited@example.test', 20 + i));
    }
    expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
    expect(median(invited) / median(known)).toBeGreaterThan(0.5);
    expect(await signIn(db, ADMIN, 'the-right-password-1', '192.0.2.50')).toMatchObject({ email: ADMIN });
  });
});
