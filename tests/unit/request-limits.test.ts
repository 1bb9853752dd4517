import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readBodyText, readJsonBody } from '../../lib/http/body';
import { ApiError } from '../../lib/http/errors';
import { installPeerAddressHook, PEER_HEADER } from '../../lib/http/peer-address';
import { requireSameOrigin } from '../../lib/http/same-origin';

// What every API route does with a request before its own code (issue 19, items 7 and 10): the
// body is capped while it streams (413), bad JSON is the client's mistake (400), and changes need
// an Origin naming this host, which forged proxy headers cannot supply.
process.env.TRAILBENCH_TRUSTED_PROXIES = '10.0.0.1';
installPeerAddressHook();

const failure = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return ApiError.is(e) ? { status: e.status, type: e.type, message: e.message } : { status: 500, type: String(e), message: '' };
  }
  return undefined;
};

/** A chunked body of `total` bytes that counts how much of it was read. */
function streamed(total: number, chunk = 64 * 1024) {
  const read = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (read.bytes >= total) return c.close();
      read.bytes += chunk;
      c.enqueue(new Uint8Array(chunk).fill(32));
    },
  });
  return { req: new Request('http://h/api/x', { method: 'POST', body, duplex: 'half' } as RequestInit), read };
}

describe('request bodies', () => {
  it('refuses a declared Content-Length over the cap before reading a byte', async () => {
    const { req, read } = streamed(10 * MAX_BODY_BYTES);
    req.headers.set('content-length', String(10 * MAX_BODY_BYTES));
    expect(await failure(readBodyText(req))).toMatchObject({ status: 413, type: 'PayloadTooLarge' });
    expect(read.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it('stops a chunked body as soon as it passes the cap', async () => {
    const { req, read } = streamed(100 * MAX_BODY_BYTES);
    expect(await failure(readBodyText(req))).toMatchObject({ status: 413 });
    expect(read.bytes).toBeLessThan(MAX_BODY_BYTES + 256 * 1024);
  });

  it('reads a body under the cap; bad JSON is a 400 that says so; empty is allowed where asked', async () => {
    expect(await readBodyText(new Request('http://h/', { method: 'POST', body: 'x'.repeat(1000) }))).toHaveLength(1000);
    expect(await failure(readJsonBody(new Request('http://h/', { method: 'POST', body: '{"storeId": ' })))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/must be JSON/),
    });
    expect(await readJsonBody(new Request('http://h/', { method: 'POST', body: '' }), { whenEmpty: {} })).toEqual({});
    expect(await failure(readJsonBody(new Request('http://h/', { method: 'POST', body: '' })))).toMatchObject({ status: 400 });
  });
});

describe('same-origin check', () => {
  const post = (headers: Record<string, string>) =>
    new Request('http://h/api/x', { method: 'POST', headers: { host: 'console.test:3000', [PEER_HEADER]: '203.0.113.5', ...headers } });

  it("passes this host's own pages and does not apply to reads", async () => {
    expect(await failure(() => requireSameOrigin(post({ origin: 'http://console.test:3000' })))).toBeUndefined();
    expect(await failure(() => requireSameOrigin(new Request('http://h/api/x', { headers: { origin: 'null' } })))).toBeUndefined();
  });

  it.each(['null', 'http://[', 'not a url', 'file:///etc/passwd', 'http://evil.test', ''])('refuses Origin %j with 403', async (origin) => {
    expect(await failure(() => requireSameOrigin(post(origin ? { origin } : {})))).toMatchObject({ status: 403, type: 'CsrfRejected' });
  });

  it('believes X-Forwarded-Host only from a trusted proxy', async () => {
    const forged = { origin: 'http://evil.test', 'x-forwarded-host': 'evil.test' };
    expect(await failure(() => requireSameOrigin(post(forged)))).toMatchObject({ status: 403 });
    const proxied = { origin: 'https://console.example.test', 'x-forwarded-host': 'console.example.test', [PEER_HEADER]: '10.0.0.1' };
    expect(await failure(() => requireSameOrigin(post(proxied)))).toBeUndefined();
  });
});
