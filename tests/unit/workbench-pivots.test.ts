import { describe, expect, it } from 'vitest';
import { eventLookupSql, windowConditions } from '../../lib/workbench/follow-up-sql';
import { sqlString } from '../../lib/util/sql-text/quote';
import { eventTimeWindow } from '../../lib/workbench/lint';
import { detectEntity, eventEntities, isIpv6, pivotSql, pivotTitle } from '../../lib/workbench/pivots';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const STORE = '3f0e8a52-6a1d-4f55-9e4b-2c2d5b0c1a77';

describe('detectEntity', () => {
  it.each([
    ['sourceIPAddress', '203.0.113.7', 'ip'],
    ['ip', '2001:db8::8a2e:370:7334', 'ip'],
    ['anything', '::ffff:192.0.2.1', 'ip'],
    ['arn', 'arn:aws:iam::123456789012:user/alice', 'arn'],
    ['resource', 'arn:aws:s3:::my-bucket', 'arn'],
    ['accessKeyId', 'AKIAIOSFODNN7EXAMPLE', 'accessKeyId'],
    ['key', 'ASIA1234567890ABCDEF', 'accessKeyId'],
    ['eventName', 'ConsoleLogin', 'eventName'],
    ['eventSource', 's3.amazonaws.com', 'eventSource'],
    ['userIdentity.userName', 'alice@example.com', 'userName'],
    ['userName', 'bob', 'userName'],
  ])('%s = %s is a %s', (column, value, kind) => {
    expect(detectEntity(column, value)).toEqual({ kind, value });
  });

  it.each([
    ['sourceIPAddress', 'AWS Internal'],
    ['sourceIPAddress', '256.1.1.1'],
    ['sourceIPAddress', '1.2.3'],
    ['ip', '2001:db8:::1'],
    ['ip', '1:2:3:4:5:6:7:8:9'],
    ['n', '42'],
    ['eventName', 'not an event name'],
    ['eventSource', 'ConsoleLogin'],
    ['awsRegion', 'us-east-1'],
    ['userName', ''],
    ['userName', 'two\nlines'],
    ['key', 'AKIA123'],
  ])('%s = %j is not an entity', (column, value) => {
    expect(detectEntity(column, value)).toBeUndefined();
  });

  it('reads IPv6 forms exactly', () => {
    expect(isIpv6('::1')).toBe(true);
    expect(isIpv6('fe80::1%eth0')).toBe(false);
    expect(isIpv6('1:2:3:4:5:6:7:8')).toBe(true);
    expect(isIpv6('1:2:3:4:5:6:7')).toBe(false);
    expect(isIpv6('12345::1')).toBe(false);
  });
});

describe('eventTimeWindow', () => {
  it('evaluates relative bounds at the time the query ran', () => {
    expect(eventTimeWindow(`SELECT * FROM x WHERE eventTime > date_add('day', -7, now())`, NOW)).toEqual({ from: NOW - 7 * 86_400_000, to: undefined });
  });

  it('reads both ends of BETWEEN and of a pair of comparisons, keeping the narrowest', () => {
    const between = eventTimeWindow(`SELECT 1 FROM x WHERE eventTime BETWEEN '2026-01-01' AND '2026-01-31 23:59:59'`, NOW);
    expect(between).toEqual({ from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2026-01-31T23:59:59Z') });
    const pair = eventTimeWindow(`SELECT 1 FROM x WHERE eventTime >= '2026-01-01' AND eventTime > '2026-01-02' AND '2026-02-01' > eventTime`, NOW);
    expect(pair).toEqual({ from: Date.parse('2026-01-02T00:00:00Z'), to: Date.parse('2026-02-01T00:00:00Z') });
  });

  it('is open when the query has no evaluable bound', () => {
    expect(eventTimeWindow('SELECT 1 FROM x', NOW)).toEqual({ from: undefined, to: undefined });
    expect(eventTimeWindow('SELECT 1 FROM x WHERE eventTime > (SELECT max(t) FROM y)', NOW)).toEqual({ from: undefined, to: undefined });
  });
});

describe('pivot and lookup SQL', () => {
  const window = { from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-03-02T00:00:00Z') };

  it('quotes strings by doubling single quotes', () => {
    expect(sqlString(`O'Brien`)).toBe(`'O''Brien'`);
    expect(sqlString(`x' OR '1'='1`)).toBe(`'x'' OR ''1''=''1'`);
  });

  it('bounds a pivot by the window and filters the entity', () => {
    const sql = pivotSql({ kind: 'ip', value: '203.0.113.7' }, STORE, window);
    expect(sql).toContain(`FROM ${STORE}`);
    expect(sql).toContain(`eventTime >= '2026-03-01 00:00:00.000'`);
    expect(sql).toContain(`eventTime <= '2026-03-02 00:00:00.000'`);
    expect(sql).toContain(`sourceIPAddress = '203.0.113.7'`);
    expect(pivotSql({ kind: 'userName', value: "o'neil" }, STORE, {})).toContain(
      `userIdentity.userName = 'o''neil' OR userIdentity.sessionContext.sessionIssuer.userName = 'o''neil'`,
    );
    expect(pivotSql({ kind: 'arn', value: 'arn:aws:s3:::b' }, STORE, {})).toContain(`any_match(resources, r -> r.arn = 'arn:aws:s3:::b')`);
    expect(windowConditions({})).toEqual([]);
  });

  it('refuses a FROM target that is not a store ID', () => {
    expect(() => pivotSql({ kind: 'ip', value: '1.2.3.4' }, 'x; DROP', window)).toThrow(/not an event data store ID/);
  });

  it('titles a pivot tab with the kind and a shortened value', () => {
    expect(pivotTitle({ kind: 'ip', value: '203.0.113.7' })).toBe('IP address 203.0.113.7');
    expect(pivotTitle({ kind: 'arn', value: `arn:aws:iam::123456789012:role/${'x'.repeat(60)}` })).toBe(`ARN arn:aws:iam::12345…${'x'.repeat(18)}`);
  });

  it('looks an event up by its escaped ID, inside the window or a day around the row', () => {
    expect(eventLookupSql(STORE, `id'1`, window)).toBe(
      `SELECT *\nFROM ${STORE}\nWHERE eventID = 'id''1'\n  AND eventTime >= '2026-03-01 00:00:00.000'\n  AND eventTime <= '2026-03-02 00:00:00.000'\nLIMIT 1`,
    );
    const around = eventLookupSql(STORE, 'e1', {}, '2026-03-05 10:00:00.000');
    expect(around).toContain(`eventTime >= '2026-03-04 10:00:00.000'`);
    expect(around).toContain(`eventTime <= '2026-03-06 10:00:00.000'`);
    expect(eventLookupSql(STORE, 'e1', {})).not.toContain('eventTime');
  });
});

describe('eventEntities', () => {
  it('finds the entities of a whole event at any depth, each once, and skips the event’s own labels', () => {
    const fields = [
      { name: 'eventID', value: '0f1e2d3c-aaaa-bbbb-cccc-0123456789ab' },
      { name: 'eventSource', value: 'iam.amazonaws.com' },
      { name: 'eventName', value: 'CreateAccessKey' },
      { name: 'sourceIPAddress', value: '203.0.113.7' },
      { name: 'recipientAccountId', value: '123456789012' },
      {
        name: 'userIdentity',
        value: {
          type: 'IAMUser',
          arn: 'arn:aws:iam::123456789012:user/alice',
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          userName: 'alice',
          sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::123456789012:user/alice' } },
        },
      },
      { name: 'resources', value: [{ ARN: 'arn:aws:iam::123456789012:user/bob', type: 'AWS::IAM::User' }] },
      { name: 'errorCode', value: null },
    ];
    expect(eventEntities(fields)).toEqual([
      { kind: 'eventSource', value: 'iam.amazonaws.com' },
      { kind: 'eventName', value: 'CreateAccessKey' },
      { kind: 'ip', value: '203.0.113.7' },
      { kind: 'arn', value: 'arn:aws:iam::123456789012:user/alice' },
      { kind: 'accessKeyId', value: 'AKIAIOSFODNN7EXAMPLE' },
      { kind: 'userName', value: 'alice' },
      { kind: 'arn', value: 'arn:aws:iam::123456789012:user/bob' },
    ]);
  });

  it('stops at the limit', () => {
    const ips = Array.from({ length: 50 }, (_, i) => `10.0.0.${i}`);
    expect(eventEntities([{ name: 'ips', value: ips }], 5)).toHaveLength(5);
  });
});
