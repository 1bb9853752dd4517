import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { Lake } from '../../lib/lake/lake';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { followOperations } from '../../lib/lake/api/operations/imports';
import { createStore } from '../../lib/lake/stores/lifecycle';
import { query } from '../helpers/temp-lake';
import { startS3 } from '../helpers/s3-server';
import { withClockAhead } from '../helpers/clock';
import { parseFetched } from '../../lib/lake/imports/pipeline';
import { viewFieldsFor } from '../../lib/lake/imports/scan-plan';

// The s3:// source against a real S3 server (s3rver; tests/helpers/s3-server.ts says why not
// Ceph's RADOS Gateway), reached the way a deployment reaches any S3 endpoint: the SDK's own
// configuration (AWS_ENDPOINT_URL_S3, the default credential chain, or a named profile).
const DAY = 86_400_000;
let s3: Awaited<ReturnType<typeof startS3>>;
let root: string;
let lake: Lake;
let admin: S3Client;
const savedEnv = { ...process.env };

const ORG = 'o-a1b2c3d4e5';
const ACCOUNT = '111122223333';
const selectors = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }];

/** A key in the organization trail layout: AWSLogs/<org>/<account>/CloudTrail/<region>/YYYY/MM/DD/<file>. */
function orgKey(eventTime: string, n: number) {
  const [y, m, d] = eventTime.slice(0, 10).split('-');
  const stamp = `${y}${m}${d}T${eventTime.slice(11, 13)}${eventTime.slice(14, 16)}Z`;
  return `AWSLogs/${ORG}/${ACCOUNT}/CloudTrail/us-east-1/${y}/${m}/${d}/${ACCOUNT}_CloudTrail_us-east-1_${stamp}_${String(n).padStart(5, '0')}.json.gz`;
}

async function put(bucket: string, records: Record<string, unknown>[], first = 0) {
  const keys = records.map((r, i) => orgKey(String(r.eventTime), first + i));
  for (let i = 0; i < records.length; i += 32) {
    await Promise.all(
      records
        .slice(i, i + 32)
        .map((r, j) => admin.send(new PutObjectCommand({ Bucket: bucket, Key: keys[i + j], Body: gzipSync(JSON.stringify({ Records: [r] })) }))),
    );
  }
  return keys;
}

function useEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

async function waitFor<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = async (storeId: string) => Number((await query(lake, 'SELECT count(*) FROM $EDS_ID', storeId)).rows[0][0]);

beforeAll(async () => {
  s3 = await startS3(['trail', 'live', 'vanishing']);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-s3-lake-'));
  useEnv({
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PROFILE: undefined,
  });
  admin = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
  lake = await Lake.open({ dataDir: path.join(root, 'data'), region: 'us-east-1', accountId: '123456789012', followIntervalMs: 250 });
});
afterEach(() =>
  useEnv({
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_PROFILE: undefined,
    AWS_SHARED_CREDENTIALS_FILE: undefined,
    AWS_CONFIG_FILE: undefined,
  }),
);
afterAll(async () => {
  lake.close();
  admin.destroy();
  await s3.close();
  process.env = savedEnv;
  fs.rmSync(root, { recursive: true, force: true });
});

it('imports an organization trail of more than 1,000 objects (listing paged), with the default credential chain and a region', async () => {
  const end = Date.now();
  const events = [...generateEvents({ count: 1100, start: new Date(end - 3 * DAY), end: new Date(end), seed: 21 })];
  await put('trail', events);
  const store = createStore(lake.stores, { Name: 'from-s3', AdvancedEventSelectors: selectors });
  const { importId } = lake.imports.start({ store, source: { S3LocationUri: `s3://trail/AWSLogs/${ORG}/`, S3BucketRegion: 'eu-west-1' } });
  await lake.imports.idle();
  const rec = lake.imports.get(importId);
  expect(rec.status, rec.error).toBe('COMPLETED');
  expect(rec.statistics).toMatchObject({ FilesCompleted: 1100, EventsCompleted: 1100, FailedEntries: 0 });
  expect((await query(lake, 'SELECT count(*), count(DISTINCT eventid) FROM $EDS_ID', store.id)).rows).toEqual([['1100', '1100']]);
});

it('S3 objects take the fast record path of local files: the reader thread checks their records rather than the main thread parsing them', async () => {
  const source = lake.sources.open(`s3://trail/AWSLogs/${ORG}/`, { shape: 'cloudtrail' });
  try {
    const fetched = await source.fetch((await source.list()).slice(0, 200));
    expect(fetched.every((f) => f.checksums && f.stride! > 3)).toBe(true);
    const verbatim = fetched.flatMap((f) => parseFetched(f, viewFieldsFor(selectors)).verbatim);
    expect(verbatim.filter(Boolean).length).toBeGreaterThan(0.9 * verbatim.length);
  } finally {
    source.close();
  }
});

it('reads with a named profile from the shared credentials file, and refuses a key the server does not know (403), failing clearly', async () => {
  const end = Date.now();
  const events = [...generateEvents({ count: 20, start: new Date(end - DAY), end: new Date(end), seed: 22 })];
  await put('vanishing', events, 5000);
  const creds = path.join(root, 'credentials');
  fs.writeFileSync(
    creds,
    `[default]\naws_access_key_id = WRONG\naws_secret_access_key = WRONG\n\n[trail-reader]\naws_access_key_id = ${s3.accessKeyId}\naws_secret_access_key = ${s3.secretAccessKey}\n`,
  );
  useEnv({
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SHARED_CREDENTIALS_FILE: creds,
    AWS_CONFIG_FILE: path.join(root, 'no-config'),
    AWS_PROFILE: 'trail-reader',
  });
  const store = createStore(lake.stores, { Name: 'profile', AdvancedEventSelectors: selectors });
  const ok = lake.imports.start({ store, source: { S3LocationUri: 's3://vanishing/AWSLogs/' } });
  await lake.imports.idle();
  expect(lake.imports.get(ok.importId)).toMatchObject({ status: 'COMPLETED', statistics: { EventsCompleted: 20 } });

  // the default profile's key is unknown to the server: the import fails as a whole, with the reason
  useEnv({ AWS_PROFILE: undefined });
  const denied = lake.imports.start({ store, source: { S3LocationUri: 's3://vanishing/AWSLogs/' } });
  await lake.imports.idle();
  const rec = lake.imports.get(denied.importId);
  expect(rec.status).toBe('FAILED');
  expect(rec.failures.map((f) => f.ErrorMessage).join(' ')).toMatch(/AWS Access Key Id you provided does not exist|InvalidAccessKeyId/);
  expect(await count(store.id)).toBe(20); // nothing lost, nothing doubled
});

it('a store following an S3 prefix picks up objects as they land, within the freshness target; failures show as its last error', async () => {
  const store = createStore(lake.stores, { Name: 'live-s3', AdvancedEventSelectors: selectors });
  await followOperations.TrailbenchSetIngestionSource(lake, { EventDataStore: store.arn, SourceUri: `s3://live/AWSLogs/${ORG}/` });
  const end = Date.now();
  const first = [...generateEvents({ count: 40, start: new Date(end - 2 * DAY), end: new Date(end - DAY), seed: 23 })];
  await put('live', first);
  expect(
    await waitFor(
      () => count(store.id),
      (n) => n === 40,
    ),
  ).toBe(40);

  const later = [...generateEvents({ count: 30, start: new Date(end - DAY), end: new Date(end), seed: 24 })];
  const landed = Date.now();
  await put('live', later, 100);
  expect(
    await waitFor(
      () => count(store.id),
      (n) => n === 70,
    ),
  ).toBe(70);
  expect(Date.now() - landed).toBeLessThan(60_000);
  const status = lake.followStatus(store.id);
  expect(status).toMatchObject({ FilesIngested: 70, EventsIngested: 70, IntervalSeconds: 0.25 });
  expect(status.LastError).toBeUndefined();
  expect(status.LagSeconds).toBeLessThan(60);

  // an object landing in an older date folder (a backfill) waits for the hourly full listing
  await put('live', [...generateEvents({ count: 1, start: new Date(end - 5 * DAY - 60_000), end: new Date(end - 5 * DAY), seed: 26 })], 200);
  await lake.follower.checkAll();
  await lake.follower.checkAll();
  expect(await count(store.id)).toBe(70);
  await withClockAhead(3_600_001, async () => {
    await lake.follower.checkAll();
    await lake.follower.checkAll();
  });
  expect(await count(store.id)).toBe(71);

  // the endpoint goes away: the check fails, the store says why, and nothing already stored changes
  useEnv({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' });
  const failed = await waitFor(
    () => lake.followStatus(store.id),
    (s) => !!s.LastError,
    30_000,
  );
  expect(failed.LastError).toMatch(/ECONNREFUSED|connect/i);
  expect(await count(store.id)).toBe(71);
  // and back: the next check clears the error
  useEnv({ AWS_ENDPOINT_URL_S3: s3.endpoint });
  expect(
    (
      await waitFor(
        () => lake.followStatus(store.id),
        (s) => !s.LastError,
        30_000,
      )
    ).LastError,
  ).toBeUndefined();
  await followOperations.TrailbenchSetIngestionSource(lake, { EventDataStore: store.arn, SourceUri: null });
});

it('an object deleted between the listing and the read is a failure entry of its own; the other objects are read', async () => {
  const end = Date.now();
  const events = [...generateEvents({ count: 5, start: new Date(end - DAY), end: new Date(end), seed: 25 })];
  const keys = await put('vanishing', events, 9000);
  const source = lake.sources.open('s3://vanishing/AWSLogs/');
  try {
    const listed = (await source.list()).filter((f) => keys.some((k) => f.endsWith(k)));
    expect(listed).toHaveLength(5);
    await admin.send(new DeleteObjectCommand({ Bucket: 'vanishing', Key: keys[2] }));
    const read = await source.fetch(listed);
    const gone = read.filter((r) => !('bytes' in r) || !r.bytes);
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatchObject({ file: `s3://vanishing/${keys[2]}`, message: expect.stringMatching(/does not exist|NoSuchKey/i) });
  } finally {
    source.close();
  }
});
