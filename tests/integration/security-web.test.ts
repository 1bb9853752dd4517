import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { ADMIN, signIn, type SessionFetch } from '../helpers/session';

/**
 * The web console's boundary over HTTP (issue 19, items 4, 7, 8, 10): sign-in limits that headers
 * cannot dodge and that an attacker cannot turn on someone else, request bodies capped while they
 * stream, same-origin checks that hold against forged proxy headers and odd Origins, and bad JSON
 * answered as the client's mistake. Sign-in limits run on servers of their own (they lock accounts);
 * clients get distinct addresses by binding 127.0.0.x.
 */
const BASE_PORT = Number(process.env.TRAILBENCH_IT_PORT ?? 3124);

/** One HTTP exchange from a chosen local address (fetch cannot pick one). */
function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; from?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, localAddress: opts.from }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const cookiesOf = (h: http.IncomingHttpHeaders) => (h['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

/** A sign-in as the login page makes it: 'ok', 'wrong' (bad email or password) or 'limited'. */
async function attempt(
  base: string,
  email: string,
  password: string,
  opts: { from?: string; forwardedFor?: string } = {},
): Promise<'ok' | 'wrong' | 'limited'> {
  const extra: Record<string, string> = opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {};
  const csrf = await request(`${base}/api/auth/csrf`, { from: opts.from, headers: extra });
  const { csrfToken } = JSON.parse(csrf.body);
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    from: opts.from,
    headers: { ...extra, 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf.headers) },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
  });
  if (cookiesOf(res.headers).includes('session-token')) return 'ok';
  const url = decodeURIComponent(JSON.parse(res.body).url ?? '');
  return /Too many|many failed/i.test(url) ? 'limited' : 'wrong';
}

function ownServer(offset: number, env: Record<string, string> = {}) {
  return startServer({
    port: BASE_PORT + offset,
    dataDir: path.resolve(__dirname, `../../.tmp/it-security-web-${offset}`),
    env: {
      TRAILBENCH_DEMO_EVENTS: '0',
      TRAILBENCH_ADMIN_EMAIL: ADMIN.email,
      TRAILBENCH_ADMIN_PASSWORD: ADMIN.password,
      PORT: String(BASE_PORT + offset),
      ...env,
    },
  });
}

describe('sign-in limits, no trusted proxy: the address is the socket peer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await ownServer(61);
  });
  afterAll(() => server?.stop());

  it('60 guesses at the admin with a different X-Forwarded-For each are limited, and the right password then fails too', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) outcomes.push(await attempt(server.url, ADMIN.email, `wrong-guess-${i}`, { forwardedFor: `198.51.100.${i + 1}` }));
    expect(outcomes.slice(0, 5).every((o) => o === 'wrong')).toBe(true);
    expect(outcomes.filter((o) => o === 'limited').length).toBeGreaterThanOrEqual(55);
    expect(await attempt(server.url, ADMIN.email, ADMIN.password, { forwardedFor: '203.0.113.77' })).toBe('limited');
  });

  it('50 failures with made-up emails from one address do not lock the admin out from another, even naming its address', async () => {
    // the attacker (127.0.0.2) claims to be the admin's address (127.0.0.3), hoping to use up its count
    const spoofing = { from: '127.0.0.2', forwardedFor: '127.0.0.3' };
    for (let i = 0; i < 50; i++) expect(await attempt(server.url, `nobody-${i}@example.test`, 'not-the-password-1', spoofing)).toBe('wrong');
    expect(await attempt(server.url, 'nobody-else@example.test', 'not-the-password-1', spoofing)).toBe('limited');
    expect(await attempt(server.url, ADMIN.email, ADMIN.password, { from: '127.0.0.3' })).toBe('ok');
  });
});

describe('sign-in limits behind a trusted proxy (TRAILBENCH_TRUSTED_PROXIES=127.0.0.1)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await ownServer(62, { TRAILBENCH_TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(() => server?.stop());

  it('takes the right-most address the proxy saw, so a client cannot pick its own', async () => {
    for (let i = 0; i < 50; i++)
      expect(await attempt(server.url, `made-up-${i}@example.test`, 'not-the-password-1', { forwardedFor: '203.0.113.9' })).toBe('wrong');
    // the attacker writes another address to the left: the proxy appends the real one, which counts
    expect(await attempt(server.url, 'made-up@example.test', 'not-the-password-1', { forwardedFor: '192.0.2.200, 203.0.113.9' })).toBe('limited');
    expect(await attempt(server.url, ADMIN.email, ADMIN.password, { forwardedFor: '192.0.2.200' })).toBe('ok');
  });

  it('believes X-Forwarded-Host from the proxy for the same-origin check, but only from it', async () => {
    const me = await signIn(server.url, ADMIN.email, ADMIN.password);
    const viaProxy = await me('/api/saved-queries', {
      method: 'POST',
      json: {},
      headers: { origin: 'https://console.example.test', 'x-forwarded-host': 'console.example.test' },
    });
    expect(viaProxy.status).toBe(400); // past the origin check, refused by validation
    const direct = await request(`${server.url}/api/saved-queries`, {
      method: 'POST',
      from: '127.0.0.4',
      headers: { origin: 'https://console.example.test', 'x-forwarded-host': 'console.example.test', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(direct.status).toBe(403);
  });
});

describe('the shared server: bodies, origins, JSON', () => {
  const base = inject('baseUrl');
  let admin: SessionFetch;
  let savedId: string;
  beforeAll(async () => {
    admin = await signIn(base, ADMIN.email, ADMIN.password);
    const r = await admin('/api/saved-queries', { method: 'POST', json: { name: 'security-web run target', sql: 'SELECT eventName FROM $EDS_ID LIMIT 1' } });
    savedId = (await r.json()).query.id;
  });

  it('answers 413 to a declared body over 1 MiB, before reading it', async () => {
    const r = await admin('/api/saved-queries', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', sql: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(r.status).toBe(413);
    expect((await r.json()).error.type).toBe('PayloadTooLarge');
  });

  it('answers 413 to a chunked body (no Content-Length) once it grows past 1 MiB', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent === 0) c.enqueue(new TextEncoder().encode('{"name":"x","sql":"'));
        sent += chunk.byteLength;
        if (sent > 8 * 1024 * 1024) c.close();
        else c.enqueue(chunk);
      },
    });
    const r = await admin('/api/saved-queries', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(r.status).toBe(413);
  });

  it('answers 413 on the sign-in endpoint too', async () => {
    const r = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${'a'.repeat(200 * 1024)}`,
    });
    expect(r.status).toBe(413);
  });

  it('gives invalid JSON to a saved query run a 400 that says so', async () => {
    const r = await admin(`/api/saved-queries/${savedId}/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"storeId": ' });
    expect(r.status).toBe(400);
    expect((await r.json()).error.message).toMatch(/must be JSON/);
    const other = await admin('/api/saved-queries', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' });
    expect(other.status).toBe(400);
  });

  it('refuses Origin: null and a malformed Origin with 403, not 500', async () => {
    for (const origin of ['null', 'http://[', 'not a url', 'file:///etc/passwd']) {
      const r = await admin('/api/saved-queries', { method: 'POST', json: {}, headers: { origin } });
      expect(r.status, origin).toBe(403);
      expect((await r.json()).error.type).toBe('CsrfRejected');
    }
  });

  it('ignores X-Forwarded-Host without a trusted proxy (a foreign Origin stays foreign)', async () => {
    const r = await admin('/api/saved-queries', { method: 'POST', json: {}, headers: { origin: 'http://evil.test', 'x-forwarded-host': 'evil.test' } });
    expect(r.status).toBe(403);
  });
});
