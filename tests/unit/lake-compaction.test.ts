import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Lake } from '../../lib/lake/lake';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { verifyLake } from '../../lib/lake/integrity/verify';
import { manifestDays } from '../../lib/lake/storage/manifest';
import { query } from '../helpers/temp-lake';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-compaction-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const DAY = 86_400_000;
const end = new Date(Math.floor(Date.now() / DAY) * DAY); // midnight UTC: the events fill 3 whole days
const events = [...generateEvents({ count: 3000, start: new Date(end.getTime() - 3 * DAY), end, seed: 5 })];
const opts = (dataDir: string, more: Partial<Parameters<typeof Lake.open>[0]> = {}) => ({
  dataDir,
  region: 'us-east-1',
  accountId: '123456789012',
  backgroundCompaction: false,
  ...more,
});

/** A store fed in many small batches, in time order, as live ingestion feeds it. */
async function liveStore(dataDir: string, batches = 60) {
  const lake = await Lake.open(opts(dataDir));
  const store = lake.stores.create({
    name: 'live',
    advancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
  });
  const size = Math.ceil(events.length / batches);
  for (let i = 0; i < events.length; i += size) await lake.appendEvents(store.id, events.slice(i, i + size));
  return { lake, store };
}

async function counts(lake: Lake, storeId: string) {
  const r = await query(lake, 'SELECT count(*), count(DISTINCT eventid), sum(length(eventjson)) FROM $EDS_ID', storeId);
  expect(r.status).toBe('FINISHED');
  return r.rows[0];
}

const whole = [String(events.length), String(events.length)];

it('compaction merges each day into one file sorted by eventTime, with the same events, and verify stays clean', async () => {
  const { lake, store } = await liveStore(path.join(root, 'merge'));
  try {
    const before = await counts(lake, store.id);
    expect(before.slice(0, 2)).toEqual(whole);
    expect(lake.storageStatus(store.id).Files).toBeGreaterThan(60);
    const rec = await lake.compact(store.id);
    expect(rec.lastError).toBeUndefined();
    const status = lake.storageStatus(store.id);
    expect(status).toMatchObject({ Days: 3, MaxFilesPerDay: 1, Files: 3, FilesAwaitingDeletion: 0, Events: events.length });
    expect(await counts(lake, store.id)).toEqual(before);
    const ordered = await query(lake, 'SELECT count(*) FROM (SELECT eventtime < lag(eventtime) OVER () AS back FROM $EDS_ID) WHERE back', store.id);
    expect(ordered.rows).toEqual([['0']]); // one file per day, read in order: rows come sorted
    expect(verifyLake(path.join(lake.dir, '..', 'lake')).problems).toEqual([]);
    // the old files and their indexes are gone; re-committing the same events adds none
    expect(fs.readdirSync(path.join(lake.stores.dir(store.id), 'data'), { recursive: true }).filter((f) => String(f).endsWith('.parquet'))).toHaveLength(3);
    expect((await lake.appendEvents(store.id, events.slice(0, 500))).added).toBe(0);
  } finally {
    lake.close();
  }
});

it('a commit rewrites only the manifests of the days its batch touches, and finds duplicates without an index on disk', async () => {
  const dataDir = path.join(root, 'days');
  const { lake, store } = await liveStore(dataDir, 10);
  const dir = lake.stores.dir(store.id);
  try {
    const days = manifestDays(dir);
    expect(days).toHaveLength(3);
    const mtimes = () => days.map((d) => fs.statSync(path.join(dir, 'manifests', `${d}.json`)).mtimeMs);
    const before = mtimes();
    const lastDay = events.filter((e) => String(e.eventTime).startsWith(days[2]));
    // eventID indexes are derived data: with them gone, the duplicates are still found
    fs.rmSync(path.join(dir, 'index'), { recursive: true });
    lake.close();
    const again = await Lake.open(opts(dataDir));
    expect((await again.appendEvents(store.id, lastDay)).added).toBe(0);
    const fresh = [
      ...generateEvents({ count: 50, start: new Date(Date.parse(`${days[2]}T01:00:00Z`)), end: new Date(Date.parse(`${days[2]}T02:00:00Z`)), seed: 99 }),
    ];
    expect((await again.appendEvents(store.id, fresh)).added).toBe(50);
    const after = mtimes();
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[2]).not.toBe(before[2]);
    expect(await counts(again, store.id).then((r) => r.slice(0, 2))).toEqual([String(events.length + 50), String(events.length + 50)]);
    again.close();
  } finally {
    lake.close();
  }
});

it('a store written with one manifest.json is migrated to day manifests on open, unchanged', async () => {
  const dataDir = path.join(root, 'legacy');
  const { lake, store } = await liveStore(dataDir, 6);
  const dir = lake.stores.dir(store.id);
  const before = await counts(lake, store.id);
  const files = lake.manifest(store.id).files;
  lake.close();
  fs.rmSync(path.join(dir, 'manifests'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: 1, files }));
  const reopened = await Lake.open(opts(dataDir));
  try {
    expect(fs.existsSync(path.join(dir, 'manifest.json'))).toBe(false);
    expect(manifestDays(dir)).toHaveLength(3);
    expect(reopened.manifest(store.id).files).toHaveLength(files.length);
    expect(await counts(reopened, store.id)).toEqual(before);
    expect(verifyLake(path.join(dataDir, 'lake')).problems).toEqual([]);
  } finally {
    reopened.close();
  }
});

it('a query that started before compaction swapped its files finishes with the right answer; the old files go after it', async () => {
  const { lake, store } = await liveStore(path.join(root, 'across'), 30);
  const dir = lake.stores.dir(store.id);
  const oldFiles = lake.manifest(store.id).files.map((f) => path.join(dir, f.file));
  try {
    // capacity for one running query: a long one runs, ours waits QUEUED, bound to the files it reads
    (lake.queries as unknown as { opts: { maxRunning: number } }).opts.maxRunning = 1;
    const blocker = await lake.startQuery(`SELECT count(*) FROM ${store.id} a, ${store.id} b, ${store.id} c WHERE a.eventid < b.eventid`);
    const q = await lake.startQuery(`SELECT count(*), count(DISTINCT eventid) FROM ${store.id}`);
    await lake.compact(store.id);
    expect(lake.manifest(store.id).files).toHaveLength(3);
    expect(lake.queries.get(q.queryId).status).toBe('QUEUED');
    expect(oldFiles.every((f) => fs.existsSync(f))).toBe(true); // still read by the waiting query
    expect(lake.storageStatus(store.id).FilesAwaitingDeletion).toBe(oldFiles.length);
    expect(verifyLake(path.join(lake.dir, '..', 'lake')).problems).toEqual([]);
    lake.queries.cancel(blocker.queryId);
    while (['QUEUED', 'RUNNING'].includes(lake.queries.get(q.queryId).status)) await new Promise((r) => setTimeout(r, 5));
    expect(lake.queries.get(q.queryId).status).toBe('FINISHED');
    expect(lake.queries.page(q.queryId, 0, 1)).toEqual([whole]);
    expect(oldFiles.some((f) => fs.existsSync(f))).toBe(false);
    expect(lake.storageStatus(store.id).FilesAwaitingDeletion).toBe(0);
  } finally {
    lake.close();
  }
});

it('retention drops whole days only', async () => {
  const { lake, store } = await liveStore(path.join(root, 'retention'), 12);
  try {
    const days = manifestDays(lake.stores.dir(store.id));
    const retention = store.retentionPeriod * DAY;
    // "now" so that the first day ended just before the retention period began, and the second day ends just after it
    const now = Date.parse(`${days[1]}T00:00:00Z`) + retention + 1;
    const dropped = await lake.applyRetention(store.id, now);
    expect(dropped).toBeGreaterThan(0);
    expect(manifestDays(lake.stores.dir(store.id))).toEqual(days.slice(1));
    const left = events.filter((e) => String(e.eventTime).slice(0, 10) >= days[1]).length;
    expect((await counts(lake, store.id)).slice(0, 2)).toEqual([String(left), String(left)]);
  } finally {
    lake.close();
  }
});

it('compaction killed at any moment leaves every event once; a restart and a re-run finish it, and verify stays clean', async () => {
  const dataDir = path.join(root, 'kill');
  const { lake, store } = await liveStore(dataDir, 90);
  const before = await counts(lake, store.id);
  lake.close();
  const intent = path.join(dataDir, 'lake', 'stores', store.id, 'compaction.json');
  // kill points: as a merge starts, a little into it, and later (after some swap)
  for (const delayMs of [0, 30, 250]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/compact-child.mts', dataDir, store.id], { stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    for (let i = 0; i < 1200 && !fs.existsSync(intent) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, delayMs));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(out).not.toContain('finished');
    const reopened = await Lake.open(opts(dataDir));
    try {
      expect(await counts(reopened, store.id)).toEqual(before);
      expect(verifyLake(path.join(dataDir, 'lake')).problems).toEqual([]);
      const onDisk = fs.readdirSync(path.join(reopened.stores.dir(store.id), 'data'), { recursive: true }).filter((f) => String(f).endsWith('.parquet'));
      expect(onDisk).toHaveLength(reopened.manifest(store.id).files.length);
    } finally {
      reopened.close();
    }
  }
  const last = await Lake.open(opts(dataDir));
  try {
    await last.compact(store.id);
    expect(last.storageStatus(store.id).MaxFilesPerDay).toBe(1);
    expect(await counts(last, store.id)).toEqual(before);
    expect(verifyLake(path.join(dataDir, 'lake')).problems).toEqual([]);
  } finally {
    last.close();
  }
});

it("the store list the console reads carries each store's files, compaction and follow state, through the real SDK", async () => {
  const { inProcessClient } = await import('../../lib/cloudtrail/in-process-handler');
  const { listStores } = await import('../../lib/workbench/queries');
  const { compactStore } = await import('../../lib/cloudtrail/store-storage');
  const { lake, store } = await liveStore(path.join(root, 'api'), 8);
  const client = inProcessClient(lake);
  try {
    const compacted = await compactStore(client, store.arn);
    expect(compacted).toMatchObject({ Files: 3, Days: 3, MaxFilesPerDay: 1, Events: events.length, LastCompactionTime: expect.any(Number) });
    const [info] = await listStores(client);
    expect(info.storage).toMatchObject({
      EventDataStoreArn: store.arn,
      Files: 3,
      Bytes: expect.any(Number),
      ManifestBytes: expect.any(Number),
      LastCompactionTime: compacted!.LastCompactionTime,
      Follow: { SourceUri: null, IntervalSeconds: 30, FilesIngested: 0 },
    });
    expect(info.storage!.Follow.LagSeconds).toBeUndefined(); // follows nothing
  } finally {
    client.destroy();
    lake.close();
  }
});

it('the day being written keeps at most 4 files, each event rewritten a bounded number of times (not once per commit), and a settled day becomes one file', async () => {
  const { planMerge } = await import('../../lib/lake/ingest/compact');
  let files: { file: string; rows: number; minTime: number }[] = [];
  let written = 0;
  let n = 0;
  const batch = 70; // a follow check's events, at 200,000 events a day
  let most = 0;
  for (let commit = 0; commit < 2880; commit++) {
    files.push({ file: `f${n++}`, rows: batch, minTime: commit });
    for (;;) {
      const pick = planMerge(files as never, false) as unknown as typeof files;
      if (!pick.length) break;
      const rows = pick.reduce((s, f) => s + f.rows, 0);
      written += rows;
      files = [...files.filter((f) => !pick.includes(f)), { file: `f${n++}`, rows, minTime: Math.min(...pick.map((f) => f.minTime)) }];
    }
    most = Math.max(most, files.length);
  }
  expect(files.reduce((s, f) => s + f.rows, 0)).toBe(2880 * batch);
  // geometric file sizes with ratio 4: about 4·log4(2880)/2 rewrites per event; merging the two smallest on every commit would be ~700
  expect(written / (2880 * batch)).toBeLessThan(16);
  expect(most).toBeLessThanOrEqual(4);
  // once the day is settled, it is one file
  expect(planMerge(files as never, true)).toHaveLength(files.length);
});
