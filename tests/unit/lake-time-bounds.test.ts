import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/lake/sql/translate';

const ID = 'dd9b02cd-cf28-46ef-8142-3e36a94e6691';
const now = new Date('2026-11-27T12:00:00Z');
const boundsOf = (where: string) =>
  translate(`SELECT count(*) FROM ${ID} WHERE ${where}`, {
    now,
    resolveStore: (n) => (n === ID ? { id: ID, shape: 'cloudtrail' as const } : undefined),
    scan: () => 'tb_empty_cloudtrail',
  }).scans[0].bounds;
const ms = (s: string) => Date.parse(s);

describe('the eventTime window a query reads', () => {
  it.each([
    [`eventTime >= '2023-01-22' AND eventTime < '2023-01-23'`, { lo: ms('2023-01-22T00:00:00Z'), hi: ms('2023-01-23T00:00:00Z') - 1 }],
    [`eventTime > '2023-01-22 10:00:00'`, { lo: ms('2023-01-22T10:00:00Z') + 1 }],
    [
      `eventTime BETWEEN timestamp '2023-01-22 00:00:00' AND timestamp '2023-01-23 00:00:00'`,
      { lo: ms('2023-01-22T00:00:00Z'), hi: ms('2023-01-23T00:00:00Z') },
    ],
    [`eventTime > date_add('day', -7, now())`, { lo: ms('2026-11-20T12:00:00Z') + 1 }],
    [`eventTime < now()`, {}], // relative upper bounds are not used: the query may run later
    [`eventTime > '2023-01-01' OR eventName = 'x'`, {}],
    [`(eventTime >= '2023-01-22T00:00:00+02:00') AND eventName = 'x'`, { lo: ms('2023-01-21T22:00:00Z') }],
  ])('%s', (where, expected) => {
    expect(boundsOf(where)).toEqual(expected);
  });
});

describe('a statement run again', () => {
  it('is translated for the time it runs at, though its parse tree is reused', () => {
    const sql = `SELECT count(*) FROM ${ID} WHERE eventTime > date_add('day', -1, now())`;
    const at = (iso: string) =>
      translate(sql, {
        now: new Date(iso),
        resolveStore: (n) => (n === ID ? { id: ID, shape: 'cloudtrail' as const } : undefined),
        scan: () => 'tb_empty_cloudtrail',
      });
    const first = at('2026-11-27T12:00:00Z');
    const again = at('2026-11-28T12:00:00Z');
    expect(first.scans[0].bounds).toEqual({ lo: ms('2026-11-26T12:00:00Z') + 1 });
    expect(again.scans[0].bounds).toEqual({ lo: ms('2026-11-27T12:00:00Z') + 1 });
    expect(at('2026-11-27T12:00:00Z').sql).toBe(first.sql);
  });
});
