import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Destination secrets (webhook URLs, signing secrets) at rest: AES-256-GCM under a key derived
 * (HKDF-SHA256) from the server's session secret, so a copy of the database alone reveals none.
 * Format: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
export function keyFrom(rootSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rootSecret, 'trailbench', 'alert destination secrets v1', 32));
}

export function encrypt(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv, c.getAuthTag(), ct].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decrypt(sealed: string, key: Buffer): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not an encrypted destination secret');
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
  } catch {
    throw new Error("The destination's secret cannot be decrypted (the server's session secret changed?); enter its URL again.");
  }
}

/** What the browser sees of a webhook URL: scheme, host and the last four characters. */
export function maskUrl(url: string): string {
  const u = new URL(url);
  const tail = (u.pathname + u.search).slice(-4);
  return `${u.protocol}//${u.host}/••••${tail.length === 4 && u.pathname.length > 8 ? tail : ''}`;
}
