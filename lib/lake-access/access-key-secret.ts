import { hkdfSync } from 'node:crypto';
import { decrypt, encrypt } from '../util/sealed-secrets';
import { sessionSecret } from '../auth/session-secret';

/**
 * Lake access key secrets at rest. SigV4 verification needs the secret itself (a hash would not
 * do), so it is sealed with AES-256-GCM under a key derived from the session secret for this use
 * alone: a copy of the database reveals no secret, and alert secrets share no key with these.
 */
let cached: { root: string; key: Buffer } | undefined;

function key(): Buffer {
  const root = sessionSecret();
  if (cached?.root !== root) cached = { root, key: Buffer.from(hkdfSync('sha256', root, 'trailbench', 'lake access key secrets v1', 32)) };
  return cached.key;
}

export const sealSecret = (secret: string) => encrypt(secret, key());

/** The secret, or undefined when it cannot be opened (the session secret changed): the key then no longer works. */
export function openSecret(sealed: string): string | undefined {
  try {
    return decrypt(sealed, key());
  } catch {
    return undefined;
  }
}
