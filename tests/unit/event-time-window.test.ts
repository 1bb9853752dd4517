import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/lake/sql/translate';
import { eventTimeWindow } from '../../lib/workbench/lint';

const ID = 'dd9b02cd-cf28-46ef-8142-3e36a94e6691';
const now = new Date('2026-03-31T12:00:00Z');
const lakeLowerBound = (where: string) =>
  translate(`SELECT count(*) FROM ${ID} WHERE ${where}`, {
    now,
    resolveStore: (n) => (n === ID ? { id: ID, shape: 'cloudtrail' as const } : undefined),
    scan: () => 'tb_empty_cloudtrail',
  }).scans[0].bounds.lo;

// The cost estimate and pivots read a query's window with the lint; the lake picks files with its
// own bounds. Both must count months, quarters and years as Trino does: by the calendar.
describe('the editor and the lake read the same eventTime window', () => {
  it.each([
    [`eventTime >= date_add('month', -1, now())`, '2026-02-28T12:00:00Z'], // Trino clamps to the month's last day
    [`eventTime >= date_add('quarter', -1, now())`, '2025-12-31T12:00:00Z'],
    [`eventTime >= date_add('year', -1, now())`, '2025-03-31T12:00:00Z'],
    [`eventTime >= now() - interval '2' month`, '2026-01-31T12:00:00Z'],
    [`eventTime >= date_add('day', -7, now())`, '2026-03-24T12:00:00Z'],
  ])('%s starts at %s', (where, start) => {
    expect(new Date(eventTimeWindow(`SELECT * FROM ${ID} WHERE ${where}`, now.getTime()).from!).toISOString()).toBe(new Date(start).toISOString());
    expect(lakeLowerBound(where)).toBe(eventTimeWindow(`SELECT * FROM ${ID} WHERE ${where}`, now.getTime()).from);
  });
});
