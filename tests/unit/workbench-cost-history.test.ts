import { describe, expect, it } from 'vitest';
import { estimateFromHistory, windowDays } from '../../lib/workbench/cost-history';

const NOW = new Date('2026-11-27T12:00:00Z');
const STORE = '3d4b9a6f-0a50-4a8c-a0a2-9f1d3b5b8e11';

describe('query time windows', () => {
  it('counts the days a window covers up to now; an open start cannot be measured', () => {
    expect(windowDays(`SELECT 1 FROM ${STORE} WHERE eventTime > date_add('day', -7, now())`, NOW)).toBeCloseTo(7, 5);
    expect(windowDays(`SELECT 1 FROM ${STORE} WHERE eventTime BETWEEN timestamp '2026-11-01 00:00:00' AND timestamp '2026-11-03 00:00:00'`, NOW)).toBeCloseTo(
      2,
      5,
    );
    expect(windowDays(`SELECT 1 FROM ${STORE} WHERE eventName = 'x'`, NOW)).toBeUndefined();
  });
});

describe('estimates from earlier runs', () => {
  const run = (days: number, bytes: number) => ({
    sql: `SELECT eventName FROM ${STORE} WHERE eventTime > date_add('day', -${days}, now())`,
    bytesScanned: bytes,
    createdAt: '2026-11-20T00:00:00Z',
  });

  it('scales the median bytes per day of earlier runs to the new window', () => {
    // 1 GB/day, 2 GB/day and 10 GB/day: the median, 2 GB/day, times 3 days
    const past = [run(1, 1e9), run(2, 4e9), run(1, 10e9)];
    const e = estimateFromHistory(`SELECT * FROM ${STORE} WHERE eventTime > date_add('day', -3, now())`, past, NOW)!;
    expect(e.runsUsed).toBe(3);
    expect(e.bytesPerDay).toBeCloseTo(2e9, -3);
    expect(e.bytesScanned).toBeCloseTo(6e9, -4);
  });

  it('ignores runs without a bounded window and gives no estimate without any usable run or window', () => {
    const unbounded = { sql: `SELECT * FROM ${STORE}`, bytesScanned: 5e12, createdAt: '2026-11-20T00:00:00Z' };
    expect(estimateFromHistory(`SELECT * FROM ${STORE} WHERE eventTime > date_add('day', -1, now())`, [unbounded, run(1, 1e9)], NOW)?.runsUsed).toBe(1);
    expect(estimateFromHistory(`SELECT * FROM ${STORE} WHERE eventTime > date_add('day', -1, now())`, [unbounded], NOW)).toBeUndefined();
    expect(estimateFromHistory(`SELECT * FROM ${STORE}`, [run(1, 1e9)], NOW)).toBeUndefined();
  });
});
