import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { readJson, writeFileAtomic } from '../util/fs-atomic';

export interface LakeCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  generated: boolean;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The access key pair SigV4 requests to the lake must be signed with: from the environment, or
 * generated once and kept (mode 0600) in the data directory.
 */
export function loadCredentials(lakeDir: string, fromEnv?: { accessKeyId?: string; secretAccessKey?: string }): LakeCredentials {
  if (fromEnv?.accessKeyId && fromEnv.secretAccessKey) return { accessKeyId: fromEnv.accessKeyId, secretAccessKey: fromEnv.secretAccessKey, generated: false };
  const file = path.join(lakeDir, 'credentials.json');
  const stored = readJson<Omit<LakeCredentials, 'generated'>>(file);
  if (stored) return { ...stored, generated: false };
  const id = 'TBLK' + Array.from(randomBytes(16), (b) => ALPHABET[b % 32]).join('');
  const creds = { accessKeyId: id, secretAccessKey: randomBytes(30).toString('base64').replace(/[+/=]/g, 'x') };
  writeFileAtomic(file, JSON.stringify(creds, null, 2));
  fs.chmodSync(file, 0o600);
  return { ...creds, generated: true };
}
