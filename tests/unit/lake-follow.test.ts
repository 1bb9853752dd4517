import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lake } from '../../lib/lake/lake';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { followOperations } from '../../lib/lake/api/operations/imports';
import { createStore } from '../../lib/lake/stores/lifecycle';
import { writeTrailArchive } from '../helpers/trail-archive';
import { withClockAhead } from '../helpers/clock';

const DAY = 86_400_000;
let root: string;
let lake: Lake;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-follow-'));
  lake = await Lake.open({
    dataDir: path.join(root, 'data'),
    region: 'us-east-1',
    accountId: '123456789012',
    followIntervalMs: 200,
    importRoots: [path.join(root, 'trail')],
  });
});
afterAll(() => {
  lake.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function until<T>(read: () => Promise<T> | T, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  return read();
}

async function count(storeId: string): Promise<number> {
  const q = await lake.startQuery(`SELECT count(*) FROM ${storeId}`);
  while (['QUEUED', 'RUNNING'].includes(lake.queries.get(q.queryId).status)) await new Promise((r) => setTimeout(r, 5));
  return Number(lake.queries.page(q.queryId, 0, 1)[0][0]);
}

it('a store following a directory ingests new log files as they appear, each once', async () => {
  const archive = path.join(root, 'trail');
  fs.mkdirSync(archive);
  const store = createStore(lake.stores, {
    Name: 'live',
    AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
  });
  const status = await followOperations.TrailbenchSetIngestionSource(lake, { EventDataStore: store.arn, SourceUri: pathToFileURL(archive).href });
  expect(status.SourceUri).toBe(pathToFileURL(archive).href);

  const end = Date.now();
  const first = [...generateEvents({ count: 500, start: new Date(end - 2 * DAY), end: new Date(end - DAY), seed: 1 })];
  writeTrailArchive(archive, first);
  const c1 = await until(
    () => count(store.id),
    (n) => n === 500,
  );
  expect(c1, JSON.stringify(await followOperations.TrailbenchGetIngestionSource(lake, { EventDataStore: store.id }))).toBe(500);

  const second = [...generateEvents({ count: 300, start: new Date(end - DAY), end: new Date(end), seed: 2 })];
  writeTrailArchive(path.join(archive, 'later'), second);
  fs.writeFileSync(path.join(archive, 'corrupt.json'), '{"Records": [');
  expect(
    await until(
      () => count(store.id),
      (n) => n === 800,
    ),
  ).toBe(800);

  const st = await until(
    () => followOperations.TrailbenchGetIngestionSource(lake, { EventDataStore: store.id }),
    (s) => s.RecentFailures.length > 0,
  );
  expect(st.EventsIngested).toBe(800);
  expect(st.RecentFailures.map((f) => path.basename(f.Location))).toEqual(['corrupt.json']);
  await lake.follower.checkAll();
  expect(await count(store.id)).toBe(800);

  await followOperations.TrailbenchSetIngestionSource(lake, { EventDataStore: store.id, SourceUri: null });
  writeTrailArchive(path.join(archive, 'after-stop'), [...generateEvents({ count: 50, start: new Date(end - DAY), end: new Date(end), seed: 3 })]);
  await lake.follower.checkAll();
  expect(await count(store.id)).toBe(800);
});

it('files an older version recorded as ingested (in follow-state.json) are not read again; new ones are, and the list moves to an append-only log', async () => {
  const archive = path.join(root, 'trail', 'legacy');
  const end = Date.now();
  const old = writeTrailArchive(path.join(archive, 'old'), [...generateEvents({ count: 100, start: new Date(end - DAY), end: new Date(end), seed: 4 })]);
  const store = createStore(lake.stores, {
    Name: 'legacy',
    AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
  });
  const dir = lake.stores.dir(store.id);
  fs.writeFileSync(path.join(dir, 'follow-state.json'), JSON.stringify({ files: old.map((f) => fs.realpathSync(f)), eventsIngested: 100, failures: [] }));
  writeTrailArchive(path.join(archive, 'new'), [...generateEvents({ count: 40, start: new Date(end - DAY), end: new Date(end), seed: 5 })]);
  const status = await followOperations.TrailbenchSetIngestionSource(lake, { EventDataStore: store.arn, SourceUri: pathToFileURL(archive).href });
  expect(status.FilesIngested).toBe(old.length);
  expect(
    await until(
      () => count(store.id),
      (n) => n === 40,
    ),
  ).toBe(40);
  await lake.follower.checkAll();
  expect(await count(store.id)).toBe(40);
  const after = await followOperations.TrailbenchGetIngestionSource(lake, { EventDataStore: store.id });
  expect(after).toMatchObject({ EventsIngested: 140, LastError: undefined, LagSeconds: expect.any(Number) });
  expect(after.FilesIngested).toBeGreaterThan(old.length);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'follow-state.json'), 'utf8')).files).toBeUndefined();
  expect(fs.readFileSync(path.join(dir, 'follow-files.log'), 'utf8').trim().split('\n')).toHaveLength(after.FilesIngested);
});

it('a check lists only the date folders being written; a file landing in an older folder (a backfill) is picked up by the hourly full listing', async () => {
  const archive = path.join(root, 'trail', 'dated');
  const end = Date.now();
  writeTrailArchive(archive, [...generateEvents({ count: 200, start: new Date(end - 10 * DAY), end: new Date(end), seed: 6 })]);
  const store = createStore(lake.stores, {
    Name: 'dated',
    AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
  });
  await followOperations.TrailbenchSetIngestionSource(lake, { EventDataStore: store.arn, SourceUri: pathToFileURL(archive).href });
  expect(
    await until(
      () => count(store.id),
      (n) => n === 200,
    ),
  ).toBe(200);

  // files land in a folder 8 days old and in today's: a check sees today's only
  const land = (name: string, records: Record<string, unknown>[]) => {
    const staged = writeTrailArchive(path.join(root, 'staging', name), records);
    for (const f of staged) {
      const to = path.join(archive, path.relative(path.join(root, 'staging', name), f)).replace(/\.json\.gz$/, `-${name}.json.gz`);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(f, to);
    }
  };
  land('backfill', [...generateEvents({ count: 30, start: new Date(end - 8 * DAY - 3_600_000), end: new Date(end - 8 * DAY), seed: 7 })]);
  land('today', [...generateEvents({ count: 20, start: new Date(end - 60_000), end: new Date(end), seed: 8 })]);
  expect(
    await until(
      () => count(store.id),
      (n) => n === 220,
    ),
  ).toBe(220);
  await lake.follower.checkAll();
  expect(await count(store.id)).toBe(220);

  // an hour later, the full listing finds the backfill
  await withClockAhead(3_600_001, async () => {
    await lake.follower.checkAll();
    await lake.follower.checkAll();
  });
  expect(await count(store.id)).toBe(250);
});
