import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CloudTrailClient, GetEventDataStoreCommand, ListEventDataStoresCommand } from '@aws-sdk/client-cloudtrail';
import { LAKE_KEYS } from '../tests/helpers/lake-client';

// The lake specs check every step through the CloudTrail API too, signed with the server's key
// pair (set for the e2e server in playwright.config.ts), and import archives from this root.

export { LAKE_KEYS };
export const E2E_IMPORT_ROOT = path.resolve('.tmp/e2e-import');

export function lake(baseURL: string) {
  return new CloudTrailClient({ region: 'us-east-1', endpoint: `${baseURL}/lake`, credentials: LAKE_KEYS, maxAttempts: 1 });
}

export async function storeByName(client: CloudTrailClient, name: string) {
  const list = await client.send(new ListEventDataStoresCommand({}));
  const s = list.EventDataStores?.find((x) => x.Name === name);
  return s ? client.send(new GetEventDataStoreCommand({ EventDataStore: s.EventDataStoreArn })) : undefined;
}

/**
 * A trail archive written by `trailbench demo-data`, with one corrupt log file among the good
 * ones; returns its directory and the corrupt file's path.
 */
export function archiveWithCorruptFile(name: string, events: number): { dir: string; corrupt: string } {
  const dir = path.join(E2E_IMPORT_ROOT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, ['bin/trailbench.mjs', 'demo-data', '--events', String(events), '--days', '2', '--out', dir], { stdio: 'pipe' });
  const day = firstLogDir(dir);
  const corrupt = path.join(day, '123456789012_CloudTrail_us-east-1_20000101T0000Z_corrupt.json.gz');
  fs.writeFileSync(corrupt, 'this is not gzip');
  return { dir, corrupt };
}

function firstLogDir(dir: string): string {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  if (entries.some((e) => e.isFile() && e.name.endsWith('.json.gz'))) return dir;
  return firstLogDir(path.join(dir, entries.find((e) => e.isDirectory())!.name));
}
