import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, query, tempLake } from '../helpers/temp-lake';

/**
 * How a raw record becomes a Lake row when it is stored (schema §1c). Every expected value is
 * worked out by hand from the records below.
 */
const ODD = {
  eventVersion: '1.08',
  EVENTID: 'aaaaaaaa-0000-4000-8000-000000000001', // another case of eventID
  eventTime: '2024-03-10T01:30:00+02:00', // 2024-03-09 23:30 UTC
  EventSource: 'iam.amazonaws.com',
  eventName: 'CreateUser',
  userIdentity: {
    Type: 'IAMUser',
    ARN: 'arn:aws:iam::111122223333:user/alice',
    sessionContext: { attributes: { creationDate: '2024-03-10T00:00:00-05:00', mfaAuthenticated: 'true' } },
  },
  requestParameters: { userName: 'bob', count: 3, ratio: 1.5, enabled: true, nothing: null, nested: { a: [1, 2], b: 'x' }, list: ['p', 'q'] },
  resources: [{ arn: 'arn:aws:iam::111122223333:user/bob', type: 'AWS::IAM::User' }, { ARN: 'arn:aws:iam::111122223333:user/carol' }],
  readOnly: 'false',
  tlsDetails: 'not an object',
  unknownTopLevel: { kept: 'in eventJson only' },
};
const NO_ID = { eventTime: '2024-03-09T10:00:00Z', eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', eventCategory: 'Management' };
const LATER = {
  eventID: 'aaaaaaaa-0000-4000-8000-000000000002',
  eventTime: '2024-03-09T23:59:59.999Z',
  eventName: 'Later',
  userIdentity: { sessionContext: { attributes: { creationDate: 'yesterday' } } },
};
const BAD = [
  'not a record',
  { eventID: 'no-time' },
  { eventID: 'bad\ttab', eventTime: '2024-03-09T10:00:00Z' },
  { eventID: 'bad-time', eventTime: 'when the moon is full' },
];

let t: Awaited<ReturnType<typeof tempLake>>;
let firstWrite: Awaited<ReturnType<typeof t.lake.appendEvents>>;
beforeAll(async () => {
  t = await tempLake();
  firstWrite = await t.lake.appendEvents(t.store.id, [LATER, ODD, ...BAD, NO_ID, ODD]);
});
afterAll(() => t.close());

const one = async (sql: string) => {
  const r = await query(t.lake, sql, t.store.id);
  expect(r.status, r.error).toBe('FINISHED');
  return r.rows;
};

describe('storing raw records', () => {
  it('stores each good record once and names each bad one with its reason', () => {
    expect(firstWrite.added).toBe(3);
    expect(firstWrite.duplicates).toBe(1);
    expect(firstWrite.failed.map((f) => f.index)).toEqual([2, 3, 4, 5]);
    expect(firstWrite.failed[0].reason).toMatch(/not a JSON object/);
    expect(firstWrite.failed[1].reason).toBe('record 4: no eventTime');
    expect(firstWrite.failed[2].reason).toMatch(/tab or line break/);
    expect(firstWrite.failed[3].reason).toBe('record 6: eventTime is not a timestamp between years 0 and 9999'); // the value is not quoted
  });

  it('reads keys in any case, converts time offsets to UTC and keeps the record as read in eventJson', async () => {
    const [row] = await one(
      `SELECT eventid, eventtime, eventsource, useridentity.type, useridentity.arn, useridentity.sessioncontext.attributes.creationdate, eventjson, eventjsonchecksum FROM $EDS_ID WHERE eventname = 'CreateUser'`,
    );
    const json = JSON.stringify(ODD);
    expect(row).toEqual([
      'aaaaaaaa-0000-4000-8000-000000000001',
      '2024-03-09 23:30:00.000',
      'iam.amazonaws.com',
      'IAMUser',
      'arn:aws:iam::111122223333:user/alice',
      '2024-03-10 05:00:00.000',
      json,
      createHash('sha256').update(json).digest('hex'),
    ]);
  });

  it('keeps map values as text: numbers and booleans as written, nested values as compact JSON, null as NULL', async () => {
    const rows = await one(`SELECT element_at(requestparameters, 'userName'), element_at(requestparameters, 'count'), element_at(requestparameters, 'ratio'),
      element_at(requestparameters, 'enabled'), element_at(requestparameters, 'nothing') IS NULL, element_at(requestparameters, 'nested'), element_at(requestparameters, 'list')
      FROM $EDS_ID WHERE eventname = 'CreateUser'`);
    expect(rows).toEqual([['bob', '3', '1.5', 'true', 'true', '{"a":[1,2],"b":"x"}', '["p","q"]']]);
  });

  it('reads array elements with either case of a key, text booleans as booleans, and a non-object where a struct belongs as NULL', async () => {
    const rows = await one(`SELECT resources[1].arn, resources[2].arn, readonly, tlsdetails IS NULL FROM $EDS_ID WHERE eventname = 'CreateUser'`);
    expect(rows).toEqual([['arn:aws:iam::111122223333:user/bob', 'arn:aws:iam::111122223333:user/carol', 'false', 'true']]);
  });

  it('stores an unreadable nested timestamp as NULL and keeps the event', async () => {
    const rows = await one(`SELECT eventtime, useridentity.sessioncontext.attributes.creationdate IS NULL FROM $EDS_ID WHERE eventname = 'Later'`);
    expect(rows).toEqual([['2024-03-09 23:59:59.999', 'true']]);
  });

  it('gives a record without an eventID a stable one, so importing it again adds nothing', async () => {
    const [[id]] = await one(`SELECT eventid FROM $EDS_ID WHERE eventname = 'GetCallerIdentity'`);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const again = await t.lake.appendEvents(t.store.id, [NO_ID, ODD, LATER]);
    expect(again).toMatchObject({ added: 0, duplicates: 3 });
    expect(await one(`SELECT count(*) FROM $EDS_ID`)).toEqual([['3']]);
  });

  it('sorts a day file that holds more than one row group by eventTime, so row groups can be skipped by time', async () => {
    const big = await tempLake();
    try {
      const n = 250_000;
      const base = Date.parse('2024-05-01T00:00:00Z');
      // written in reverse time order, all in one half-day; ascending after the write
      const records = Array.from({ length: n }, (_, i) => ({ eventID: `e-${i}`, eventTime: new Date(base + (n - i) * 100).toISOString(), eventName: 'E' }));
      await big.lake.appendEvents(big.store.id, records);
      const [file] = big.lake.manifest(big.store.id).files;
      const groups = await big.lake.engine.internal.runAndReadAll(
        `SELECT row_group_id, stats_min, stats_max FROM parquet_metadata('${path.join(big.lake.stores.dir(big.store.id), file.file)}') WHERE path_in_schema = 'eventtime' ORDER BY row_group_id`,
      );
      const ranges = groups.getRows().map(([, lo, hi]) => [String(lo), String(hi)]);
      expect(ranges.length).toBeGreaterThan(1);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i - 1][1] < ranges[i][0]).toBe(true);
    } finally {
      await big.close();
    }
  });
});

describe('splitting a busy day', () => {
  it('writes a day of many events as one file per half-day, so a query of hours reads half of it', async () => {
    const lake = await tempLake();
    try {
      const base = Date.parse('2024-05-02T00:00:00Z');
      const n = 40_000;
      const records = Array.from({ length: n }, (_, i) => ({
        eventID: `b-${i}`,
        eventTime: new Date(base + Math.floor((i * 86_400_000) / n)).toISOString(),
        eventName: 'E',
      }));
      expect(await lake.lake.appendEvents(lake.store.id, records)).toMatchObject({ added: n, duplicates: 0 });
      const files = lake.lake.manifest(lake.store.id).files.map((f) => [f.rows, new Date(f.minTime).toISOString(), new Date(f.maxTime).toISOString()]);
      expect(files).toEqual([
        [n / 2, '2024-05-02T00:00:00.000Z', '2024-05-02T11:59:57.840Z'],
        [n / 2, '2024-05-02T12:00:00.000Z', '2024-05-02T23:59:57.840Z'],
      ]);
    } finally {
      await lake.close();
    }
  });
});

describe('the published sample events', () => {
  let s: Awaited<ReturnType<typeof tempLake>>;
  const events = loadFixture();
  beforeAll(async () => {
    s = await tempLake(events, 'samples');
  });
  afterAll(() => s.close());

  it('map every top-level text field and map as CloudTrail Lake does', async () => {
    const text = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));
    const mapText = (m: unknown) =>
      m && typeof m === 'object' && !Array.isArray(m) ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, text(v)])) : null;
    const r = await s.lake.engine.internal.runAndReadAll(
      `SELECT eventjson, eventname, eventsource, sourceipaddress, useridentity.arn, useridentity.sessioncontext.sessionissuer.username,
        CAST(to_json(requestparameters) AS VARCHAR), CAST(to_json(additionaleventdata) AS VARCHAR)
       FROM read_parquet('${path.join(s.lake.stores.dir(s.store.id), 'data', '*', '*.parquet')}')`,
    );
    const rows = r.getRows();
    expect(rows.length).toBe(new Set(events.map((e) => e.eventID ?? JSON.stringify(e))).size); // once per event
    for (const [json, name, source, ip, arn, issuer, params, extra] of rows) {
      const raw = JSON.parse(String(json));
      const ui = raw.userIdentity ?? {};
      expect([name, source, ip, arn, issuer]).toEqual([
        text(raw.eventName),
        text(raw.eventSource),
        text(raw.sourceIPAddress),
        text(ui.arn),
        text(ui.sessionContext?.sessionIssuer?.userName),
      ]);
      expect(params === null ? null : JSON.parse(String(params))).toEqual(mapText(raw.requestParameters));
      expect(extra === null ? null : JSON.parse(String(extra))).toEqual(mapText(raw.additionalEventData));
    }
  });
});
