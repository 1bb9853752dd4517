import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake } from '../../lib/lake/lake';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { createStore, deleteStore } from '../../lib/lake/stores/lifecycle';
import { writeTrailArchive } from '../helpers/trail-archive';

const DAY = 86_400_000;
const end = new Date(Math.floor(Date.now() / DAY) * DAY);
const start = new Date(end.getTime() - 5 * DAY);
const events = [...generateEvents({ count: 3000, start, end, seed: 7 })];

let root: string;
let lake: Lake;
let archive: string;

async function runImport(storeId: string, uri: string, window: { startEventTime?: number; endEventTime?: number } = {}) {
  const rec = lake.imports.start({ store: lake.stores.get(storeId)!, source: { S3LocationUri: uri }, ...window });
  await lake.imports.idle();
  return lake.imports.get(rec.importId);
}

async function count(storeId: string, where = 'true') {
  const q = await lake.startQuery(`SELECT count(*) AS n, count(DISTINCT eventid) AS d FROM ${storeId} WHERE ${where}`);
  for (;;) {
    const r = lake.queries.get(q.queryId);
    if (r.status === 'FINISHED') break;
    if (r.status !== 'QUEUED' && r.status !== 'RUNNING') throw new Error(r.errorMessage);
    await new Promise((res) => setTimeout(res, 5));
  }
  const [[n, d]] = lake.queries.page(q.queryId, 0, 1);
  return { n: Number(n), distinct: Number(d) };
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-import-'));
  archive = path.join(root, 'archive');
  writeTrailArchive(archive, events.slice(0, 2000));
  writeTrailArchive(archive, events.slice(2000), { orgId: 'o-a1b2c3d4e5' });
  const day = path.join(archive, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2026', '01', '01');
  fs.mkdirSync(day, { recursive: true });
  fs.writeFileSync(path.join(day, 'broken.json.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
  fs.writeFileSync(path.join(day, 'truncated.json'), '{"Records": [{"eventID": "x", "eventTime": "2026-01-01T00:00:00Z"');
  fs.writeFileSync(path.join(day, 'empty.json'), '');
  fs.writeFileSync(path.join(day, 'not-cloudtrail.json'), JSON.stringify({ Type: 'Notification', Message: 'an SNS message' }));
  fs.symlinkSync(path.join(root, 'moved-away.json.gz'), path.join(day, 'dangling.json.gz'));
  fs.mkdirSync(path.join(archive, 'AWSLogs', '111122223333', 'CloudTrail-Digest'), { recursive: true });
  fs.writeFileSync(path.join(archive, 'AWSLogs', '111122223333', 'CloudTrail-Digest', 'digest.json.gz'), 'not a log');
  lake = await Lake.open({
    dataDir: path.join(root, 'data'),
    region: 'us-east-1',
    accountId: '123456789012',
    importRoots: [archive, path.join(root, 'texts')],
  });
});
afterAll(() => {
  lake.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const ALL_EVENTS = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }];

describe('importing a trail archive', () => {
  it('imports every event of an archive (organization trails too), skips digests, records bad and unreadable files', async () => {
    const store = createStore(lake.stores, { Name: 'all', AdvancedEventSelectors: ALL_EVENTS });
    const rec = await runImport(store.id, pathToFileURL(archive).href);
    expect(rec.status).toBe('COMPLETED');
    expect(rec.statistics.EventsCompleted).toBe(events.length);
    expect((await count(store.id)).n).toBe(events.length);
    const failures = rec.failures.map((f) => [path.basename(f.Location), f.ErrorType]);
    expect(failures.sort()).toEqual([
      ['broken.json.gz', 'DecompressionError'],
      ['dangling.json.gz', 'OutsideImportRoot'], // it points out of the root, where nothing is read
      ['empty.json', 'EmptyFile'],
      ['not-cloudtrail.json', 'NotCloudTrail'],
      ['truncated.json', 'InvalidJson'],
    ]);
    expect(rec.statistics.FailedEntries).toBe(5);
  });

  it('stores each event once however often the archive is imported', async () => {
    const store = createStore(lake.stores, { Name: 'twice', AdvancedEventSelectors: ALL_EVENTS });
    await runImport(store.id, pathToFileURL(archive).href);
    const again = await runImport(store.id, pathToFileURL(archive).href);
    expect(again.statistics.EventsCompleted).toBe(0);
    expect(await count(store.id)).toEqual({ n: events.length, distinct: events.length });
  });

  it("applies the store's event selectors and the import's time window", async () => {
    const mgmt = createStore(lake.stores, {
      Name: 'management-no-kms',
      AdvancedEventSelectors: [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
          ],
        },
      ],
    });
    await runImport(mgmt.id, pathToFileURL(archive).href);
    const expected = events.filter((e) => (e.eventCategory ?? 'Management') === 'Management' && e.eventSource !== 'kms.amazonaws.com').length;
    expect((await count(mgmt.id)).n).toBe(expected);
    expect((await count(mgmt.id, `eventsource = 'kms.amazonaws.com' OR eventcategory = 'Data'`)).n).toBe(0);

    const windowed = createStore(lake.stores, { Name: 'windowed', AdvancedEventSelectors: ALL_EVENTS });
    const lo = start.getTime() + DAY;
    const hi = start.getTime() + 2 * DAY;
    await runImport(windowed.id, pathToFileURL(archive).href, { startEventTime: lo / 1000, endEventTime: hi / 1000 });
    const inWindow = events.filter((e) => Date.parse(String(e.eventTime)) >= lo && Date.parse(String(e.eventTime)) <= hi).length;
    expect((await count(windowed.id)).n).toBe(inWindow);
  });

  it('refuses a second import while one runs, and a source that does not exist', async () => {
    const store = createStore(lake.stores, { Name: 'busy', AdvancedEventSelectors: ALL_EVENTS });
    lake.imports.start({ store, source: { S3LocationUri: pathToFileURL(archive).href } });
    expect(() => lake.imports.start({ store, source: { S3LocationUri: pathToFileURL(archive).href } })).toThrow(
      expect.objectContaining({ type: 'AccountHasOngoingImportException' }),
    );
    await lake.imports.idle();
    expect(() => lake.imports.start({ store, source: { S3LocationUri: 'file:///no/such/dir' } })).toThrow(
      expect.objectContaining({ type: 'InvalidImportSourceException' }),
    );
    expect(() => lake.imports.start({ store, source: { S3LocationUri: 'ftp://x' } })).toThrow(
      expect.objectContaining({ type: 'InvalidImportSourceException' }),
    );
  });

  it('says why an import failed as a whole, in its failures', async () => {
    const store = createStore(lake.stores, { Name: 'gone', AdvancedEventSelectors: ALL_EVENTS, TerminationProtectionEnabled: false });
    deleteStore(lake.stores, store.id, () => false);
    const rec = await runImport(store.id, pathToFileURL(archive).href);
    expect(rec.status).toBe('FAILED');
    expect(rec.statistics.FailedEntries).toBe(1);
    expect(rec.failures).toEqual([
      expect.objectContaining({ Location: pathToFileURL(archive).href, ErrorType: 'ImportFailed', ErrorMessage: expect.stringMatching(/no longer active/) }),
    ]);
  });

  it("keeps a compact record's own text as its eventJson, and a laid-out one serialised, each with its SHA-256", async () => {
    const dir = path.join(root, 'texts');
    fs.mkdirSync(dir);
    // the file's escapes (\u00e9, \/) are kept as written; a record laid out over lines is stored compact;
    // a key in another case is read all the same, and the record is kept as written
    const third = '{"eventID":"t-3","eventTime":"2026-01-02T00:00:02Z","EventName":"Ünïcödé 中文"}';
    fs.writeFileSync(
      path.join(dir, 'a.json'),
      '{"Records":[{"eventID":"t-1","eventTime":"2026-01-02T00:00:00Z","eventName":"caf\\u00e9","userAgent":"a\\/b"},\n {\n  "eventID": "t-2",\n  "eventTime": "2026-01-02T00:00:01Z"\n },' +
        third +
        ']}',
    );
    const store = createStore(lake.stores, { Name: 'texts', AdvancedEventSelectors: ALL_EVENTS });
    expect((await runImport(store.id, pathToFileURL(dir).href)).statistics.EventsCompleted).toBe(3);
    const q = await lake.startQuery(`SELECT eventid, eventname, useragent, eventjson, eventjsonchecksum FROM ${store.id} ORDER BY eventid`);
    while (['QUEUED', 'RUNNING'].includes(lake.queries.get(q.queryId).status)) await new Promise((res) => setTimeout(res, 5));
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const first = '{"eventID":"t-1","eventTime":"2026-01-02T00:00:00Z","eventName":"caf\\u00e9","userAgent":"a\\/b"}';
    const second = '{"eventID":"t-2","eventTime":"2026-01-02T00:00:01Z"}';
    expect(lake.queries.page(q.queryId, 0, 10)).toEqual([
      ['t-1', 'café', 'a/b', first, sha(first)],
      ['t-2', '', '', second, sha(second)],
      ['t-3', 'Ünïcödé 中文', '', third, sha(third)],
    ]);
  });
});
