import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CreateEventDataStoreCommand, GetImportCommand, StartImportCommand } from '@aws-sdk/client-cloudtrail';
import { lakeClient } from './lake-client';
import type { SessionFetch } from './session';
import { writeTrailArchive } from './trail-archive';
import { importDir } from './import-root';

/** A new store holding `records`, imported through the lake's own StartImport from a file:// trail archive. */
export async function storeWith(baseUrl: string, name: string, records: Record<string, unknown>[]): Promise<string> {
  const client = lakeClient(baseUrl);
  const dir = importDir('alerts-');
  try {
    writeTrailArchive(dir, records);
    const store = await client.send(new CreateEventDataStoreCommand({ Name: name }));
    const started = await client.send(
      new StartImportCommand({
        Destinations: [store.EventDataStoreArn!],
        ImportSource: {
          S3: { S3LocationUri: pathToFileURL(dir).href, S3BucketRegion: 'us-east-1', S3BucketAccessRoleArn: 'arn:aws:iam::123456789012:role/unused' },
        },
      }),
    );
    const imp = await waitFor(async () => {
      const r = await client.send(new GetImportCommand({ ImportId: started.ImportId }));
      return ['COMPLETED', 'FAILED', 'STOPPED'].includes(r.ImportStatus ?? '') ? r : undefined;
    }, 'the import to end');
    if (imp.ImportStatus !== 'COMPLETED' || imp.ImportStatistics?.EventsCompleted !== records.length)
      throw new Error(`import ${imp.ImportStatus}: ${JSON.stringify(imp.ImportStatistics)}`);
    return store.EventDataStoreArn!.split('/').pop()!;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls `probe` until it returns something (not undefined/false), or fails naming what it waited for. */
export async function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface Delivery {
  id: string;
  status: string;
  attempts: number;
  deliveryKey: string;
  destinationName: string;
  lastError: string | null;
  attemptLog: { status?: number; error?: string }[];
}
export interface HistoryRun {
  id: string;
  kind: string;
  slotAt: string | null;
  startedAt: string;
  status: string;
  error: string | null;
  note: string | null;
  rowCount: number | null;
  matchedCount: number | null;
  firing: null | { id: string; test: boolean; rowCount: number; columns: string[]; rows: string[][]; summary: string; deliveries: Delivery[] };
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function historyOf(s: SessionFetch, ruleId: string): Promise<HistoryRun[]> {
  return (await json<{ runs: HistoryRun[] }>(await s(`/api/alerts/rules/${ruleId}/history?limit=500`))).runs;
}
