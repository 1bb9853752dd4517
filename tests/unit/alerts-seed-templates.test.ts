import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, listTemplates } from '../../lib/alerts/seed-templates';
import { fillWindow, windowBefore } from '../../lib/alerts/window';
import { consoleLogin, failures } from '../helpers/console-logins';
import { query, tempLake } from '../helpers/temp-lake';

// The two seed scenarios' SQL, run on the real lake over sign-ins made to trigger them and not.
const newest = new Date('2026-02-03T12:00:00Z');
const min = (m: number) => new Date(newest.getTime() - m * 60_000);
const records = [
  consoleLogin({ time: min(3), ip: '211.60.50.190', user: 'alice', success: true, region: 'ap-northeast-2' }), // allowed
  consoleLogin({ time: min(5), ip: '198.51.100.23', user: 'mallory', success: true, region: 'us-west-2' }), // outside
  consoleLogin({ time: min(40), ip: '198.51.100.99', user: 'old', success: true }), // outside, but before the window
  ...failures(6, { end: newest, ip: '203.0.113.9', user: 'bob', region: 'ap-northeast-2' }), // 6 in the last 2 minutes
  ...failures(3, { end: min(1), ip: '192.0.2.44', user: 'carol' }), // below the threshold
  ...failures(7, { end: min(30), ip: '203.0.113.77', user: 'dave' }), // enough, but outside the 10 minutes
];
let lake: Awaited<ReturnType<typeof tempLake>>;
beforeAll(async () => {
  lake = await tempLake(records, 'alerts');
});
afterAll(() => lake.close());

const run = (sql: string, minutes: number) => query(lake.lake, fillWindow(sql, windowBefore(newest, minutes)), lake.store.id);

describe('seed templates', () => {
  it('lists both with their parameters', () => {
    expect(listTemplates().map((t) => t.id)).toEqual(['console-sign-in-outside-allowed-ips', 'failed-console-sign-ins']);
  });

  it('finds console sign-ins from outside the allowed IPs with user, region, IP and time', async () => {
    const t = buildTemplate('console-sign-in-outside-allowed-ips', { allowedIps: ['211.60.50.190'] })!;
    expect(t.rule).toMatchObject({ window: { mode: 'anchored', minutes: 15 }, condition: { kind: 'rows', atLeast: 1 }, dedupeRows: true });
    const r = await run(t.sql, 15);
    expect(r.error).toBeUndefined();
    const rows = r.rows.map((cells) => Object.fromEntries(r.columns.map((c, i) => [c, cells[i]])));
    expect(rows[0]).toMatchObject({
      userName: 'mallory',
      awsRegion: 'us-west-2',
      sourceIPAddress: '198.51.100.23',
      eventTime: '2026-02-03 11:55:00.000',
      outcome: 'Success',
    });
    // failures count as sign-ins too; the allowed address and the sign-in before the window do not appear
    expect(new Set(rows.map((x) => x.sourceIPAddress))).toEqual(new Set(['198.51.100.23', '192.0.2.44', '203.0.113.9']));
    const allowedAll = buildTemplate('console-sign-in-outside-allowed-ips', { allowedIps: ['211.60.50.190', '198.51.100.23', '192.0.2.44', '203.0.113.9'] })!;
    expect((await run(allowedAll.sql, 15)).rows).toEqual([]);
  });

  it('counts failed sign-ins per source IP in the minutes before the newest event', async () => {
    const t = buildTemplate('failed-console-sign-ins', {})!;
    expect(t.rule.condition).toEqual({ kind: 'column', column: 'failures', op: '>=', value: 5 });
    const r = await run(t.sql, 10);
    expect(r.error).toBeUndefined();
    const rows = r.rows.map((cells) => Object.fromEntries(r.columns.map((c, i) => [c, cells[i]])));
    expect(rows.map((x) => [x.sourceIPAddress, x.failures])).toEqual([
      ['203.0.113.9', '6'],
      ['192.0.2.44', '3'],
    ]);
    expect(rows[0]).toMatchObject({
      userNames: 'bob',
      awsRegions: 'ap-northeast-2',
      firstFailure: '2026-02-03 11:58:20.000',
      lastFailure: '2026-02-03 12:00:00.000',
    });
  });

  it('refuses parameters that are not IP addresses or sensible numbers, naming them', () => {
    expect(() => buildTemplate('console-sign-in-outside-allowed-ips', { allowedIps: ["1.2.3.4') OR ('1'='1"] })).toThrow(/is not an IPv4 or IPv6 address/);
    expect(() => buildTemplate('console-sign-in-outside-allowed-ips', { allowedIps: [] })).toThrow(/at least one allowed IP/);
    expect(() => buildTemplate('failed-console-sign-ins', { failures: 1 })).toThrow();
    expect(buildTemplate('nope', {})).toBeUndefined();
  });
});
