import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventLookupSql } from '../../lib/workbench/follow-up-sql';
import { eventTimeWindow } from '../../lib/workbench/lint';
import { pivotSql, type Entity } from '../../lib/workbench/pivots';
import { query, tempLake } from '../helpers/temp-lake';

// The SQL that pivots and event lookups write, run on the lake: each finds exactly the events it should.

const base = {
  eventVersion: '1.09',
  eventType: 'AwsApiCall',
  readOnly: true,
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
  awsRegion: 'us-east-1',
};
const EVENTS = [
  {
    ...base,
    eventID: 'e1',
    eventTime: '2026-03-01T10:00:00Z',
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListUsers',
    sourceIPAddress: '203.0.113.7',
    userIdentity: { type: 'IAMUser', arn: "arn:aws:iam::111122223333:user/o'neil", userName: "o'neil", accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
  },
  {
    ...base,
    eventID: 'e2',
    eventTime: '2026-03-01T12:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    sourceIPAddress: '2001:db8::7',
    userIdentity: {
      type: 'AssumedRole',
      arn: 'arn:aws:sts::111122223333:assumed-role/Admin/carol',
      sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/Admin', userName: 'Admin' } },
    },
    resources: [{ type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::logs' }],
  },
  {
    ...base,
    eventID: 'e3',
    eventTime: '2026-03-05T09:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    sourceIPAddress: '203.0.113.7',
    userIdentity: { type: 'IAMUser', arn: "arn:aws:iam::111122223333:user/o'neil", userName: "o'neil", accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
    resources: [{ type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::logs' }],
  },
];

let t: Awaited<ReturnType<typeof tempLake>>;
beforeAll(async () => {
  t = await tempLake(EVENTS);
});
afterAll(() => t.close());

const eventIds = async (sql: string) => {
  const r = await query(t.lake, sql, t.store.id);
  expect(r.status, r.error).toBe('FINISHED');
  const col = r.columns!.findIndex((c: string) => c.toLowerCase() === 'eventid');
  return r.rows.map((row) => row[col]).sort();
};

describe('pivot SQL on the lake', () => {
  const all = { from: Date.parse('2026-02-28T00:00:00Z'), to: Date.parse('2026-03-10T00:00:00Z') };
  const firstDay = eventTimeWindow(`SELECT 1 FROM x WHERE eventTime >= '2026-03-01' AND eventTime < '2026-03-02'`, Date.now());

  it.each<[Entity, string[]]>([
    [{ kind: 'ip', value: '203.0.113.7' }, ['e1', 'e3']],
    [{ kind: 'ip', value: '2001:db8::7' }, ['e2']],
    [{ kind: 'accessKeyId', value: 'AKIAIOSFODNN7EXAMPLE' }, ['e1', 'e3']],
    [{ kind: 'userName', value: "o'neil" }, ['e1', 'e3']],
    [{ kind: 'userName', value: 'Admin' }, ['e2']],
    [{ kind: 'arn', value: 'arn:aws:iam::111122223333:role/Admin' }, ['e2']],
    [{ kind: 'arn', value: 'arn:aws:s3:::logs' }, ['e2', 'e3']],
    [{ kind: 'eventName', value: 'GetObject' }, ['e2', 'e3']],
    [{ kind: 'eventSource', value: 'iam.amazonaws.com' }, ['e1']],
  ])('%j finds %j', async (entity, expected) => {
    expect(await eventIds(pivotSql(entity, t.store.id, all))).toEqual(expected);
  });

  it('stays inside the original window', async () => {
    expect(await eventIds(pivotSql({ kind: 'ip', value: '203.0.113.7' }, t.store.id, firstDay))).toEqual(['e1']);
  });

  it('looks one event up by ID, in the window or around the row', async () => {
    expect(await eventIds(eventLookupSql(t.store.id, 'e3', all))).toEqual(['e3']);
    expect(await eventIds(eventLookupSql(t.store.id, 'e3', firstDay))).toEqual([]);
    expect(await eventIds(eventLookupSql(t.store.id, 'e2', {}, '2026-03-01 12:00:00.000'))).toEqual(['e2']);
    expect(await eventIds(eventLookupSql(t.store.id, "e2' OR eventID <> '", all))).toEqual([]);
  });
});
