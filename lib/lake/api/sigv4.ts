import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { LakeError } from '../errors';
import { NodeSha256 } from './node-sha256';

export interface RawRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>; // lower-case names
  body: string;
}

const MAX_SKEW_MS = 5 * 60_000;
const AUTH = /^AWS4-HMAC-SHA256\s+Credential=([^/\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/i;

/**
 * Verifies an AWS Signature Version 4 request by signing the same canonical request with the
 * lake's secret (@smithy/signature-v4) and comparing signatures in constant time.
 */
export async function verifySigV4(req: RawRequest, creds: { accessKeyId: string; secretAccessKey: string }, now = Date.now()): Promise<void> {
  const auth = req.headers['authorization'];
  if (!auth) throw new LakeError('MissingAuthenticationTokenException', 'Missing Authentication Token: sign the request with AWS Signature Version 4 using the lake\'s access key.', 403);
  const m = AUTH.exec(auth.trim());
  if (!m) throw new LakeError('IncompleteSignatureException', 'Authorization header is not a valid AWS4-HMAC-SHA256 signature.', 400);
  const [, keyId, scopeDate, region, service, signedHeaderList, signature] = m;
  if (keyId !== creds.accessKeyId) {
    throw new LakeError('UnrecognizedClientException', 'The security token included in the request is invalid: unknown access key ID.', 400);
  }
  const amzDate = req.headers['x-amz-date'];
  const when = amzDate ? parseAmzDate(amzDate) : Date.parse(req.headers['date'] ?? '');
  if (!Number.isFinite(when)) throw new LakeError('IncompleteSignatureException', 'Request is missing a valid X-Amz-Date header.', 400);
  if (Math.abs(now - when) > MAX_SKEW_MS) {
    throw new LakeError('InvalidSignatureException', `Signature expired: ${amzDate ?? req.headers['date']} is more than 5 minutes away from the lake's time ${new Date(now).toISOString()}.`, 400);
  }
  const signedHeaders = signedHeaderList.toLowerCase().split(';');
  const headers: Record<string, string> = {};
  for (const h of signedHeaders) {
    if (req.headers[h] === undefined) throw new LakeError('IncompleteSignatureException', `Signed header ${h} is missing from the request.`, 400);
    headers[h] = req.headers[h];
  }
  const declared = req.headers['x-amz-content-sha256'];
  if (declared && declared !== 'UNSIGNED-PAYLOAD' && declared !== createHash('sha256').update(req.body).digest('hex')) {
    throw new LakeError('InvalidSignatureException', 'The x-amz-content-sha256 header does not match the request body.', 400);
  }
  const signer = new SignatureV4({ credentials: creds, region, service, sha256: NodeSha256, uriEscapePath: true, applyChecksum: false });
  const signed = await signer.sign(
    new HttpRequest({ method: req.method, protocol: 'https:', hostname: headers['host'] ?? '', path: req.path, query: req.query, headers, body: req.body }),
    { signingDate: new Date(when), signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization']))?.[1] ?? '';
  if (scopeDate !== new Date(when).toISOString().slice(0, 10).replaceAll('-', '') || !safeEqual(expected, signature.toLowerCase())) {
    throw new LakeError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
      400,
    );
  }
}

function parseAmzDate(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
