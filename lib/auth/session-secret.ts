import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { env } from '../env';

/**
 * The server's session signing secret: NEXTAUTH_SECRET, else one generated once and kept in the
 * data directory. Also the root of the key that encrypts alert destinations' secrets at rest.
 */
export function sessionSecret(): string {
  const e = env();
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  const file = path.join(e.dataDir, 'session-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(e.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
