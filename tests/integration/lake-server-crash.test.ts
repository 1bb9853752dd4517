import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CreateEventDataStoreCommand,
  GetImportCommand,
  StartImportCommand,
  type CloudTrailClient,
  type GetImportCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, expect, it } from 'vitest';
import { writeDemoArchive } from '../../lib/lake/demo/archive';
import { verifyLake } from '../../lib/lake/integrity/verify';
import { asObjects, LAKE_KEYS, lakeClient, runQuery } from '../helpers/lake-client';
import { startServer, type TestServer } from '../helpers/server';

/**
 * The server is killed (SIGKILL, no chance to clean up) in the middle of an import, restarted on
 * the same data directory, and the import run again: the store ends with every event exactly once.
 * Its own server beside the suite's, on the next port.
 */
const PORT = Number(process.env.TRAILBENCH_IT_PORT ?? 3124) + 1;
const ROOT = path.resolve(__dirname, '../..');
const dataDir = path.join(ROOT, '.tmp/crash-data');
const EVENTS = 40_000;
const BATCH = 4000; // ten committed batches, so there is a middle to kill in
const DAY = 86_400_000;
const end = new Date(Math.floor(Date.now() / DAY) * DAY); // today 00:00 UTC: the archive is reused within a day
const archive = path.join(ROOT, `.tmp/crash-archive-${EVENTS}-${end.toISOString().slice(0, 10)}`);
const env = {
  TRAILBENCH_DEMO_EVENTS: '0',
  TRAILBENCH_IMPORT_BATCH_EVENTS: String(BATCH),
  TRAILBENCH_IMPORT_ROOTS: archive,
  TRAILBENCH_LAKE_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
  TRAILBENCH_LAKE_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
  PORT: String(PORT),
};

let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Writes the archive once (it takes a while) and keeps it, marked complete beside it (not in it: it would be imported), for later runs today. */
async function ensureArchive(): Promise<number> {
  const done = `${archive}.complete.json`;
  if (fs.existsSync(done)) return JSON.parse(fs.readFileSync(done, 'utf8')).events;
  fs.rmSync(archive, { recursive: true, force: true });
  const summary = await writeDemoArchive({ outDir: archive, count: EVENTS, days: 2, end, seed: 77 });
  fs.writeFileSync(done, JSON.stringify(summary));
  return summary.events;
}

async function waitForImport(client: CloudTrailClient, importId: string, until: (i: GetImportCommandOutput) => boolean, deadlineMs: number) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const imp = await client.send(new GetImportCommand({ ImportId: importId }));
    if (until(imp)) return imp;
    if (Date.now() > deadline) throw new Error(`import ${importId} never got there: ${JSON.stringify(imp.ImportStatistics)} ${imp.ImportStatus}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const finished = (i: GetImportCommandOutput) => !['INITIALIZING', 'IN_PROGRESS'].includes(i.ImportStatus ?? '');

/** The process that has the lake open (it records itself as the lake's owner), checked to be the one on our port. */
function lakeProcess(): number {
  const { pid } = JSON.parse(fs.readFileSync(path.join(dataDir, 'lake', 'owner.json'), 'utf8')) as { pid: number };
  const listening = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(`:${PORT} `));
  expect(listening.join('\n')).toContain(`pid=${pid},`);
  return pid;
}

it('an import interrupted by SIGKILL of the server completes after a restart and a re-run, every event stored exactly once', { timeout: 900_000 }, async () => {
  const expected = await ensureArchive();
  expect(expected).toBe(EVENTS);
  const source = {
    S3: { S3LocationUri: pathToFileURL(archive).href, S3BucketRegion: 'us-east-1', S3BucketAccessRoleArn: 'arn:aws:iam::123456789012:role/unused' },
  };

  server = await startServer({ port: PORT, dataDir, env });
  let client = lakeClient(server.url);
  const store = await client.send(
    new CreateEventDataStoreCommand({
      Name: 'crash',
      AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
    }),
  );
  const storeId = store.EventDataStoreArn!.split('/').pop()!;
  const first = await client.send(new StartImportCommand({ Destinations: [store.EventDataStoreArn!], ImportSource: source }));
  const midway = await waitForImport(client, first.ImportId!, (i) => (i.ImportStatistics?.EventsCompleted ?? 0) > 0 || finished(i), 600_000);
  expect(midway.ImportStatus).toBe('IN_PROGRESS'); // some batches committed, more to come
  expect(midway.ImportStatistics!.EventsCompleted).toBeLessThan(expected);

  const pid = lakeProcess();
  process.kill(pid, 'SIGKILL');
  await server.stop(); // the `next` launcher, if it outlived the server it started
  const onDisk = JSON.parse(fs.readFileSync(path.join(dataDir, 'lake', 'imports', `${first.ImportId}.json`), 'utf8'));
  expect(onDisk.status).toBe('IN_PROGRESS'); // it really was cut off mid-way
  expect(onDisk.statistics.EventsCompleted).toBeLessThan(expected);

  server = await startServer({ port: PORT, dataDir, env, keepData: true });
  client = lakeClient(server.url);
  // The restarted lake resumes the interrupted import by itself; it runs one import at a time.
  const resumed = await waitForImport(client, first.ImportId!, finished, 600_000);
  expect(resumed.ImportStatus).toBe('COMPLETED');
  expect(resumed.ImportStatistics!.FailedEntries).toBe(0);

  const rerun = await client.send(new StartImportCommand({ Destinations: [store.EventDataStoreArn!], ImportSource: source }));
  const second = await waitForImport(client, rerun.ImportId!, finished, 600_000);
  expect(second.ImportStatus).toBe('COMPLETED');
  expect(second.ImportStatistics).toMatchObject({ EventsCompleted: 0, FailedEntries: 0 }); // everything was already there

  const { rows } = await runQuery(client, `SELECT COUNT(*) AS n, COUNT(DISTINCT eventID) AS d FROM ${storeId}`);
  expect(asObjects(rows)).toEqual([{ n: String(expected), d: String(expected) }]);
  expect(verifyLake(path.join(dataDir, 'lake')).problems).toEqual([]); // no half-written file left in the store
});
