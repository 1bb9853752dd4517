import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: `X-Trailbench-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the
 * destination's signing secret, so a receiver can check that a request came from Trailbench.
 */
export const SIGNATURE_HEADER = 'X-Trailbench-Signature';

export function sign(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function verify(body: string, secret: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const want = Buffer.from(sign(body, secret));
  const got = Buffer.from(header.trim());
  return want.length === got.length && timingSafeEqual(want, got);
}

export function newSigningSecret(): string {
  return `tbwhsec_${randomBytes(24).toString('base64url')}`;
}
