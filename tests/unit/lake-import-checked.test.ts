import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake } from '../../lib/lake/lake';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { parseFetched, recordFilter } from '../../lib/lake/imports/pipeline';
import { loadFixture, query } from '../helpers/temp-lake';
import { writeTrailArchive } from '../helpers/trail-archive';

/**
 * Records the reader checked are stored as their text, unparsed (see record-spans.ts); the store
 * must come out exactly as when every record is parsed, for clean events and awkward ones alike.
 */
const ALL_EVENTS = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }];

const generated = [...generateEvents({ count: 1500, start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-03-03T00:00:00Z'), seed: 11 })] as Record<
  string,
  unknown
>[];
const awkward: Record<string, unknown>[] = [
  // keys in another case, a struct position holding a string, a record without an eventID
  { ...generated[0], eventID: 'awkward-1', EventName: 'Renamed', eventName: undefined },
  { ...generated[1], eventID: 'awkward-2', userIdentity: 'not an object' },
  { ...generated[2], eventID: undefined, eventTime: '2026-03-01T10:00:00Z' },
  // eventTime with an offset, an eventID with an escaped character, a number where a string goes
  { ...generated[3], eventID: 'awkward-4', eventTime: '2026-03-01T12:00:00+02:00' },
  { ...generated[4], eventID: 'awkward-"5"' },
  { ...generated[5], eventID: 'awkward-6', errorCode: 403 },
  // a duplicate of an event in another file, and a record stored twice
  generated[6],
  { ...generated[7], eventID: 'awkward-8', readOnly: 'true' },
];

let root: string;
let lake: Lake;
let source: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-checked-'));
  source = path.join(root, 'archive');
  // published samples, one per eventID: which of two records sharing an ID is kept depends on file order
  const samples = [...new Map(loadFixture().map((r) => [r.eventID, r])).values()];
  writeTrailArchive(source, [...generated, ...samples]);
  writeTrailArchive(source, awkward, { orgId: 'o-a1b2c3d4e5' });
  lake = await Lake.open({ dataDir: path.join(root, 'data'), region: 'us-east-1', accountId: '123456789012', importRoots: [source] });
});
afterAll(() => {
  lake.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('an import that stores checked records unparsed', () => {
  it('stores every column exactly as parsing each record does', async () => {
    const fast = lake.stores.create({ name: 'checked', retentionPeriod: 3653, advancedEventSelectors: ALL_EVENTS });
    const run = lake.imports.start({ store: fast, source: { S3LocationUri: pathToFileURL(source).href } });
    await lake.imports.idle();
    expect(lake.imports.get(run.importId)).toMatchObject({ status: 'COMPLETED' });

    // the same files with every record parsed: a reader without a plan checks nothing
    const slow = lake.stores.create({ name: 'parsed', retentionPeriod: 3653, advancedEventSelectors: ALL_EVENTS });
    const reader = lake.sources.open(pathToFileURL(source).href);
    const fetched = await reader.fetch(await reader.list());
    reader.close();
    const parsed = fetched.map((f) => parseFetched(f));
    expect(parsed.some((p) => p.verbatim?.some(Boolean))).toBe(false);
    const keep = recordFilter(slow, {});
    await lake.commitEvents(slow.id, await lake.spooler(slow.id).fillWith((s) => parsed.forEach((p, i) => s.add(p, fetched[i].file, keep))));

    const all = (id: string) => query(lake, 'SELECT * FROM $EDS_ID ORDER BY eventid, eventjsonchecksum', id);
    const [a, b] = [await all(fast.id), await all(slow.id)];
    expect(a.status).toBe('FINISHED');
    expect(a.rows.length).toBeGreaterThan(generated.length);
    expect(a.columns).toEqual(b.columns);
    expect(a.rows).toEqual(b.rows);
  });

  it('checks most records of a trail rather than parsing them', async () => {
    const reader = lake.sources.open(pathToFileURL(source).href, { shape: 'cloudtrail' });
    const fetched = await reader.fetch(await reader.list());
    reader.close();
    const verbatim = fetched.flatMap((f) => parseFetched(f, ['eventCategory', 'managementEvent']).verbatim ?? []);
    expect(verbatim.filter(Boolean).length).toBeGreaterThan(0.9 * verbatim.length);
    expect(verbatim.filter((v) => !v).length).toBeGreaterThanOrEqual(awkward.length - 2);
  });
});
