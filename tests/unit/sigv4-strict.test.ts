import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { verifySigV4, type RawRequest } from '../../lib/lake/api/sigv4';
import { MAX_LAKE_BODY_BYTES, readBodyCapped } from '../../lib/lake/api/http-request';

/**
 * SigV4 as AWS enforces it for CloudTrail, checked against requests signed by the SDK's own signer:
 * a signature is only good for service `cloudtrail` in the lake's region, over the real body, with
 * host and X-Amz-Target signed, within 5 minutes.
 */
const KEYS = { accessKeyId: 'TBUNITTESTKEY0000001', secretAccessKey: 'unit-test-secret-access-key' };
const REGION = 'us-east-1';
const BODY = JSON.stringify({ QueryStatement: 'SELECT 1' });

interface SignOptions {
  region?: string;
  service?: string;
  date?: Date;
  headers?: Record<string, string>;
  unsigned?: string[];
  body?: string;
  /** false: no x-amz-content-sha256 header, as botocore signs */ checksumHeader?: boolean;
}

async function signed(o: SignOptions = {}): Promise<RawRequest> {
  const body = o.body ?? BODY;
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 3000,
    path: '/lake',
    headers: { host: '127.0.0.1:3000', 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CloudTrail_20131101.StartQuery', ...o.headers },
    body,
  });
  const signer = new SignatureV4({
    credentials: KEYS,
    region: o.region ?? REGION,
    service: o.service ?? 'cloudtrail',
    sha256: Sha256,
    applyChecksum: o.checksumHeader ?? true,
  });
  const s = await signer.sign(request, { signingDate: o.date ?? new Date(), unsignableHeaders: new Set(o.unsigned ?? []) });
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.headers)) headers[k.toLowerCase()] = String(v);
  return { method: 'POST', path: '/lake', query: {}, headers, body };
}

async function refusal(req: RawRequest) {
  try {
    await verifySigV4(req, KEYS, REGION);
  } catch (e) {
    return e as Error & { type: string; status: number };
  }
  throw new Error('the request was accepted');
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('strict SigV4', () => {
  it('accepts a request signed as the AWS SDKs sign it, with or without x-amz-content-sha256', async () => {
    const js = await signed();
    expect(js.headers['x-amz-content-sha256']).toBe(sha256(BODY));
    await expect(verifySigV4(js, KEYS, REGION)).resolves.toBeUndefined();
    const boto = await signed({ checksumHeader: false });
    expect(boto.headers['x-amz-content-sha256']).toBeUndefined();
    await expect(verifySigV4(boto, KEYS, REGION)).resolves.toBeUndefined();
  });

  it('refuses a credential scoped to another service', async () => {
    const e = await refusal(await signed({ service: 's3' }));
    expect(e.type).toBe('InvalidSignatureException');
    expect(e.message).toMatch(/scoped to correct service: 'cloudtrail'/);
  });

  it("refuses a credential scoped to another region, naming the lake's", async () => {
    const e = await refusal(await signed({ region: 'eu-west-1' }));
    expect(e.type).toBe('InvalidSignatureException');
    expect(e.message).toMatch(/not 'eu-west-1'.*us-east-1/);
  });

  it.each(['host', 'x-amz-target'])('refuses a signature that does not cover %s', async (header) => {
    const e = await refusal(await signed({ unsigned: [header] }));
    expect(e.type).toBe('IncompleteSignatureException');
    expect(e.message).toContain(`'${header}' must be a SignedHeader`);
  });

  it('refuses UNSIGNED-PAYLOAD, so a captured request cannot carry another body', async () => {
    const req = await signed({ headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    expect((await refusal(req)).type).toBe('InvalidSignatureException');
    const replayed = { ...req, body: JSON.stringify({ QueryStatement: 'SELECT 2' }) };
    expect((await refusal(replayed)).message).toMatch(/UNSIGNED-PAYLOAD.*not accepted/);
  });

  it('refuses a body that is not the one signed, whether or not x-amz-content-sha256 is sent', async () => {
    const withHash = await signed();
    expect((await refusal({ ...withHash, body: '{"QueryStatement":"SELECT 2"}' })).message).toMatch(/does not match the request body/);
    const plain = await signed({ checksumHeader: false });
    expect((await refusal({ ...plain, body: '{"QueryStatement":"SELECT 2"}' })).message).toMatch(/signature we calculated does not match/);
  });

  it('refuses a request signed more than 5 minutes ago or ahead', async () => {
    expect((await refusal(await signed({ date: new Date(Date.now() - 6 * 60_000) }))).message).toMatch(/Signature expired/);
    expect((await refusal(await signed({ date: new Date(Date.now() + 6 * 60_000) }))).message).toMatch(/Signature expired/);
  });

  it('refuses a signature made with another secret, and names an unknown key as such', async () => {
    await expect(verifySigV4(await signed(), { ...KEYS, secretAccessKey: 'another-secret-entirely' }, REGION)).rejects.toMatchObject({
      type: 'InvalidSignatureException',
    });
    await expect(verifySigV4(await signed(), { ...KEYS, accessKeyId: 'TBOTHERKEY0000000001' }, REGION)).rejects.toMatchObject({
      type: 'UnrecognizedClientException',
    });
  });
});

describe("the lake's request body cap", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://127.0.0.1/lake', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(1024))) });
    await expect(readBodyCapped(post(stream, { 'content-length': String(MAX_LAKE_BODY_BYTES + 1) }))).rejects.toMatchObject({
      status: 413,
      type: 'RequestEntityTooLargeException',
    });
    expect(pulled).toBeLessThanOrEqual(1); // at most the stream's own first pull
  });

  it('stops reading a body without Content-Length as soon as it grows past the cap', async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024)); // endless
      },
    });
    await expect(readBodyCapped(post(stream))).rejects.toMatchObject({ status: 413 });
    expect(sent).toBeLessThan(MAX_LAKE_BODY_BYTES + 4 * 64 * 1024);
  });

  it('reads a body under the cap whole', async () => {
    expect(await readBodyCapped(post(BODY))).toBe(BODY);
  });
});
