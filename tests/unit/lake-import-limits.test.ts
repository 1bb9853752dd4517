import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake } from '../../lib/lake/lake';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { createStore } from '../../lib/lake/stores/lifecycle';
import { LogFileReader } from '../../lib/lake/imports/log-file-reader';
import { MAX_RECORD_DEPTH, recordSpans, TOO_DEEP } from '../../lib/lake/imports/record-spans';
import { scanPlan } from '../../lib/lake/imports/scan-plan';

/**
 * One hostile file fails alone: a gzip bomb stops inflating at the per-file cap (a small cap
 * here, so the test stays light), a plain file over the cap is not read, and a record nested
 * thousands deep does not overflow the stack. Valid files before and after them are imported.
 */
const CAP = 4 * 2 ** 20;
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-limits-'));
const root = path.join(base, 'root');
const DAY = 86_400_000;
const [first, last] = [0, 1].map((seed) => [...generateEvents({ count: 200, start: new Date(Date.now() - 2 * DAY), end: new Date(), seed: seed + 40 })]);
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const record = (id: string, extra = '') => `{"eventID":"${id}","eventTime":"${new Date().toISOString()}","eventSource":"s3.amazonaws.com"${extra}}`;
const deepRecord = record('deep-1', `,"requestParameters":{"x":${deep(10_000)}}`);
const deepInTrail = `{"Records":[${record('ok-1')},${deepRecord}]}`;
const deepInArray = `[${record('ok-2')},${record('deep-2', `,"requestParameters":${deep(10_000)}`)}]`;

/** A gzip file inflating to `bytes` zeros, written as a stream: the test never holds what it inflates to. */
async function gzipBomb(file: string, bytes: number) {
  const chunk = Buffer.alloc(2 ** 20);
  await pipeline(
    Readable.from(
      (function* () {
        for (let n = 0; n < bytes; n += chunk.length) yield chunk;
      })(),
    ),
    createGzip({ level: 9 }),
    fs.createWriteStream(file),
  );
}

let lake: Lake;
beforeAll(async () => {
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'a-valid.json'), JSON.stringify({ Records: first }));
  await gzipBomb(path.join(root, 'b-bomb.json.gz'), 64 * 2 ** 20);
  fs.writeFileSync(path.join(root, 'c-big.json'), `{"Records":[${record('big')}]}`.padEnd(CAP + 1, ' '));
  // a trail's file (read record by record) and a bare array (parsed whole), each with one record 10,000 deep among good ones
  fs.writeFileSync(path.join(root, 'd-deep.json'), deepInTrail);
  fs.writeFileSync(path.join(root, 'e-deep-array.json'), deepInArray);
  fs.writeFileSync(path.join(root, 'f-valid.json'), JSON.stringify({ Records: last }));
  lake = await Lake.open({
    dataDir: path.join(base, 'data'),
    region: 'us-east-1',
    accountId: '123456789012',
    importRoots: [root],
    importLimits: { maxFileBytes: CAP },
  });
});
afterAll(() => {
  lake.close();
  fs.rmSync(base, { recursive: true, force: true });
});

describe('per-file limits', () => {
  it('fails a gzip bomb, an oversized file and deeply nested records alone; the valid files around them are imported', async () => {
    expect(fs.statSync(path.join(root, 'b-bomb.json.gz')).size).toBeLessThan(2 ** 20);
    const store = createStore(lake.stores, {
      Name: 'limits',
      AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
    });
    const { importId } = lake.imports.start({ store, source: { S3LocationUri: pathToFileURL(root).href } });
    await lake.imports.idle();
    const rec = lake.imports.get(importId);
    expect(rec.status).toBe('COMPLETED');
    expect(rec.statistics.EventsCompleted).toBe(first.length + last.length);
    const tooLarge = 'larger than 4,194,304 bytes (inflated), the limit per log file; not read further';
    const deepAt = deepInTrail.indexOf(deepRecord);
    // in a file parsed whole, the array and the record are two levels above the record's nesting
    const pastLimit = deepInArray.indexOf('[[[') + MAX_RECORD_DEPTH;
    expect(rec.failures.map((f) => [path.basename(f.Location), f.ErrorType, f.ErrorMessage])).toEqual([
      ['b-bomb.json.gz', 'FileTooLarge', tooLarge],
      ['c-big.json', 'FileTooLarge', tooLarge],
      ['d-deep.json', 'TooDeep', `record 2 (bytes ${deepAt}-${deepAt + deepRecord.length}) is nested more than ${MAX_RECORD_DEPTH} levels deep`],
      ['e-deep-array.json', 'TooDeep', `nested more than ${MAX_RECORD_DEPTH} levels deep at byte ${pastLimit}`],
    ]);
  });

  it('stops inflating an S3 object at the cap too', async () => {
    // S3 objects are handed to the reader thread as bytes
    const reader = new LogFileReader({ roots: [], maxFileBytes: CAP });
    try {
      const [read] = await reader.scan([{ file: 's3://b/b-bomb.json.gz', bytes: fs.readFileSync(path.join(root, 'b-bomb.json.gz')) }]);
      expect(read).toMatchObject({ errorType: 'FileTooLarge' });
    } finally {
      reader.close();
    }
  });

  it('flags a record nested past the limit, with or without a scan plan, and not one at the limit', () => {
    const file = (levels: number) => Buffer.from(`{"Records":[${record('r', `,"requestParameters":${deep(levels - 1)}`)}]}`);
    for (const plan of [undefined, scanPlan('cloudtrail')]) {
      expect(recordSpans(file(MAX_RECORD_DEPTH), plan)![2] & TOO_DEEP).toBe(0);
      expect(recordSpans(file(MAX_RECORD_DEPTH + 1), plan)![2] & TOO_DEEP).toBe(TOO_DEEP);
      expect(recordSpans(file(10_000), plan)![2] & TOO_DEEP).toBe(TOO_DEEP);
    }
  });
});
