import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Passwords hashed with scrypt (memory-hard, in Node's crypto): `scrypt$N$r$p$salt$hash`. */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, KEYLEN, { ...opts, maxmem: 256 * N * opts.r! }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  const expected = Buffer.from(hash, 'base64');
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password nobody knows, made once: what an unknown account's guess is checked against. */
let dummy: Promise<string> | undefined;

/**
 * Checks a password against an account's hash, or, when there is no usable hash (no such account,
 * no password set yet), against the dummy: either way one scrypt run, so the time taken does not
 * say whether the account exists. Without a real hash the answer is always false.
 */
export async function verifyPasswordEvenly(password: string, stored: string | null | undefined): Promise<boolean> {
  const usable = !!stored && stored.split('$').length === 6 && stored.startsWith('scrypt$');
  const ok = await verifyPassword(password, usable ? stored : await (dummy ??= hashPassword(randomBytes(32).toString('base64'))));
  return usable && ok;
}

export { PASSWORD_RULE, passwordOk } from './password-rule';
