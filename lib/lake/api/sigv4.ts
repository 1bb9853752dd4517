import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { LakeError } from '../errors';
import { NodeSha256 } from '../../util/node-sha256';

export interface RawRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>; // lower-case names
  body: string;
}

/** The service name CloudTrail's credential scope carries; AWS refuses any other. */
export const SERVICE = 'cloudtrail';
/** Headers every request must sign: without them a signature could be replayed to another host or operation. */
const REQUIRED_SIGNED = ['host', 'x-amz-target'];
const MAX_SKEW_MS = 5 * 60_000;
const AUTH = /^AWS4-HMAC-SHA256\s+Credential=([^/\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/i;

export interface ParsedAuthorization {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const incomplete = (message: string) => new LakeError('IncompleteSignatureException', message, 400);
const invalid = (message: string) => new LakeError('InvalidSignatureException', message, 400);

/** The Authorization header's parts; who is calling is known from here, before the signature is checked. */
export function parseAuthorization(req: Pick<RawRequest, 'headers'>): ParsedAuthorization {
  const auth = req.headers['authorization'];
  if (!auth)
    throw new LakeError(
      'MissingAuthenticationTokenException',
      'Missing Authentication Token: sign the request with AWS Signature Version 4 using your lake access key.',
      403,
    );
  const m = AUTH.exec(auth.trim());
  if (!m) throw incomplete('Authorization header is not a valid AWS4-HMAC-SHA256 signature.');
  const [, accessKeyId, scopeDate, region, service, signedHeaderList, signature] = m;
  return { accessKeyId, scopeDate, region, service, signedHeaders: signedHeaderList.toLowerCase().split(';'), signature: signature.toLowerCase() };
}

/**
 * Verifies an AWS Signature Version 4 request as AWS does for CloudTrail: the credential scope
 * names service `cloudtrail` and the lake's region, `host` and `x-amz-target` are signed, the
 * date is within 5 minutes and the signature covers the body's SHA-256 (no UNSIGNED-PAYLOAD).
 * The canonical request is signed again with the caller's secret (@smithy/signature-v4) and the
 * signatures compared in constant time.
 */
export async function verifySigV4(req: RawRequest, creds: { accessKeyId: string; secretAccessKey: string }, region: string, now = Date.now()): Promise<void> {
  const auth = parseAuthorization(req);
  if (auth.accessKeyId !== creds.accessKeyId) {
    throw new LakeError('UnrecognizedClientException', 'The security token included in the request is invalid: unknown access key ID.', 400);
  }
  if (auth.service !== SERVICE) throw invalid(`Credential should be scoped to correct service: '${SERVICE}', not '${auth.service}'.`);
  if (auth.region !== region) throw invalid(`Credential should be scoped to a valid region, not '${auth.region}': this lake's region is ${region}.`);
  for (const h of REQUIRED_SIGNED) {
    if (!auth.signedHeaders.includes(h)) throw incomplete(`'${h}' must be a SignedHeader in the AWS Authorization.`);
  }
  const amzDate = req.headers['x-amz-date'];
  const when = amzDate ? parseAmzDate(amzDate) : Date.parse(req.headers['date'] ?? '');
  if (!Number.isFinite(when)) throw incomplete('Request is missing a valid X-Amz-Date header.');
  if (Math.abs(now - when) > MAX_SKEW_MS) {
    throw invalid(`Signature expired: ${amzDate ?? req.headers['date']} is more than 5 minutes away from the lake's time ${new Date(now).toISOString()}.`);
  }
  const headers: Record<string, string> = {};
  for (const h of auth.signedHeaders) {
    if (req.headers[h] === undefined) throw incomplete(`Signed header ${h} is missing from the request.`);
    headers[h] = req.headers[h];
  }
  // The signer takes a declared x-amz-content-sha256 as the payload hash, so it must be the body's
  // real hash: UNSIGNED-PAYLOAD (or a streaming marker) would let a captured request carry another body.
  const declared = req.headers['x-amz-content-sha256'];
  if (declared !== undefined && declared !== createHash('sha256').update(req.body).digest('hex')) {
    throw invalid(
      /^[0-9a-f]{64}$/i.test(declared)
        ? 'The x-amz-content-sha256 header does not match the request body.'
        : `x-amz-content-sha256 '${declared}' is not accepted: the signature must cover the SHA-256 of the request body.`,
    );
  }
  const signer = new SignatureV4({ credentials: creds, region, service: SERVICE, sha256: NodeSha256, uriEscapePath: true, applyChecksum: false });
  const signed = await signer.sign(
    new HttpRequest({ method: req.method, protocol: 'https:', hostname: headers['host'], path: req.path, query: req.query, headers, body: req.body }),
    { signingDate: new Date(when), signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization']))?.[1] ?? '';
  if (auth.scopeDate !== new Date(when).toISOString().slice(0, 10).replaceAll('-', '') || !safeEqual(expected, auth.signature)) {
    throw invalid('The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
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
