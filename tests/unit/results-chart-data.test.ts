import { describe, expect, it } from 'vitest';
import { bucketFor, chartFor, columnType } from '../../components/charts/chart-data';

const H = 3_600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const ts = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

describe('chartFor', () => {
  it('types columns from their values', () => {
    expect(columnType([['2026-03-01 00:00:00.000'], ['']], 0)).toBe('time');
    expect(columnType([['1'], ['2.5']], 0)).toBe('number');
    expect(columnType([['1'], ['x']], 0)).toBe('text');
  });

  it('draws a time column and a number column as a time series, ordered by time', () => {
    const spec = chartFor(
      ['hour', 'n'],
      [
        [ts(T0 + H), '5'],
        [ts(T0), '3'],
        ['', '1'],
      ],
    )!;
    expect(spec.kind).toBe('time');
    expect(spec.series).toEqual([
      {
        label: 'n',
        points: [
          [T0, 3],
          [T0 + H, 5],
        ],
      },
    ]);
    expect(spec.title).toBe('n by hour');
    expect(spec.skipped).toBe(1);
  });

  it('splits a number by a category into one series per category, largest first', () => {
    const rows = [
      [ts(T0), 'GetObject', '5'],
      [ts(T0), 'PutObject', '9'],
      [ts(T0 + H), 'GetObject', '1'],
    ];
    const spec = chartFor(['windowStart', 'eventName', 'n'], rows)!;
    expect(spec.series.map((s) => s.label)).toEqual(['PutObject', 'GetObject']);
    expect(spec.series[1].points).toEqual([
      [T0, 5],
      [T0 + H, 1],
    ]);
  });

  it('counts rows per bucket when there is only a time column', () => {
    const rows = [
      [ts(T0), 'a'],
      [ts(T0 + 60_000), 'b'],
      [ts(T0 + 2 * H), 'c'],
    ];
    const spec = chartFor(['eventTime', 'eventID'], rows)!;
    expect(spec.kind).toBe('time');
    expect(spec.title).toBe('Rows per 5 min by eventTime');
    expect(spec.series[0].points).toEqual([
      [T0, 2],
      [T0 + 2 * H, 1],
    ]);
    expect(bucketFor(30 * 86_400_000)).toBe(86_400_000);
  });

  it('draws a category and a number as bars, summed per category; account IDs are categories', () => {
    const spec = chartFor(
      ['recipientAccountId', 'n'],
      [
        ['111111111111', '2'],
        ['222222222222', '7'],
        ['111111111111', '3'],
      ],
    )!;
    expect(spec.kind).toBe('bar');
    expect(spec.categories).toEqual(['222222222222', '111111111111']);
    expect(spec.series[0].points).toEqual([
      [0, 7],
      [1, 5],
    ]);
  });

  it('draws nothing for numbers alone or no rows', () => {
    expect(chartFor(['a', 'b'], [['1', '2']])).toBeUndefined();
    expect(chartFor(['a'], [])).toBeUndefined();
  });
});
