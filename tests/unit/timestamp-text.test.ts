import { describe, expect, it } from 'vitest';
import { utcTimestampText } from '../../lib/util/sql-text/timestamp-text';

/** What the lake has always written: Date's ISO text with a space and without the zone. */
const viaDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

describe('utcTimestampText', () => {
  it('writes CloudTrail times as YYYY-MM-DD HH:MM:SS.mmm in UTC', () => {
    expect(utcTimestampText(Date.parse('2024-02-29T23:59:59.007Z'))).toBe('2024-02-29 23:59:59.007');
    expect(utcTimestampText(Date.parse('2023-01-22T08:05:00+02:00'))).toBe('2023-01-22 06:05:00.000');
    expect(utcTimestampText(0)).toBe('1970-01-01 00:00:00.000');
  });

  it('agrees with Date at the edges of months, leap years, centuries and four-digit years', () => {
    const edges = [
      '0000-01-01T00:00:00.000Z',
      '0001-03-01T00:00:00.000Z',
      '0999-12-31T23:59:59.999Z',
      '1899-12-31T23:59:59.999Z',
      '1900-02-28T12:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '2000-02-29T00:00:00.000Z',
      '2100-03-01T00:00:00.010Z',
      '9999-12-31T23:59:59.999Z',
    ];
    for (const e of edges) expect(utcTimestampText(Date.parse(e)), e).toBe(viaDate(Date.parse(e)));
  });

  it('agrees with Date on random times from year 0 to 9999', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(-62_167_219_200_000 + next() * 315_569_520_000_000);
      expect(utcTimestampText(ms)).toBe(viaDate(ms));
    }
  });

  it('falls back to Date past year 9999', () => {
    const ms = Date.parse('+010000-01-01T00:00:00.000Z');
    expect(utcTimestampText(ms)).toBe('+010000-01-01 00:00:00.000');
  });
});
