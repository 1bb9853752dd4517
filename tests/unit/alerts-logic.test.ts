import { describe, expect, it } from 'vitest';
import { backoffMs, isRetryable, MAX_BACKOFF_MS } from '../../lib/alerts/backoff';
import { decrypt, encrypt, keyFrom, maskUrl } from '../../lib/util/sealed-secrets';
import { dueSlots, MAX_CATCH_UP_SLOTS, nextSlot, cronError } from '../../lib/alerts/schedule';
import { sign, verify } from '../../lib/alerts/signature';
import { fillWindow, sqlTimestamp, usesWindowPlaceholders, windowBefore } from '../../lib/alerts/window';
import { fires, matchingRows, missingColumn, numericCell, type Condition } from '../../lib/alerts/condition';
import { parseTimestampText } from '../../lib/util/sql-text/timestamp-text';

const at = (iso: string) => new Date(iso);

describe('windows', () => {
  it('is the M minutes before the slot or the newest event', () => {
    const w = windowBefore(at('2026-01-11T00:27:12.000Z'), 10);
    expect(w.start.toISOString()).toBe('2026-01-11T00:17:12.000Z');
    expect(w.end.toISOString()).toBe('2026-01-11T00:27:12.000Z');
  });

  it('fills {{window_start}} and {{window_end}} as timestamps the lake reads back to the same instant', () => {
    const w = windowBefore(at('2026-01-11T00:27:12.345Z'), 60);
    const sql = fillWindow("SELECT * FROM x WHERE eventTime >= '{{window_start}}' AND eventTime <= '{{ window_end }}'", w);
    expect(sql).toBe("SELECT * FROM x WHERE eventTime >= '2026-01-10 23:27:12.345' AND eventTime <= '2026-01-11 00:27:12.345'");
    expect(parseTimestampText(sqlTimestamp(w.start))).toBe(w.start.getTime());
    expect(usesWindowPlaceholders(sql)).toBe(false);
    expect(usesWindowPlaceholders("x > '{{window_start}}'")).toBe(true);
  });
});

describe('schedules', () => {
  it('puts every-N-minutes slots on multiples of N since the epoch', () => {
    expect(nextSlot({ kind: 'every', minutes: 5 }, at('2026-03-01T10:02:30Z')).toISOString()).toBe('2026-03-01T10:05:00.000Z');
    expect(nextSlot({ kind: 'every', minutes: 5 }, at('2026-03-01T10:05:00Z')).toISOString()).toBe('2026-03-01T10:10:00.000Z');
  });

  it('reads 5- and 6-field cron expressions in UTC and explains a bad one', () => {
    expect(nextSlot({ kind: 'cron', expression: '30 9 * * 1' }, at('2026-03-01T10:00:00Z')).toISOString()).toBe('2026-03-02T09:30:00.000Z'); // a Monday
    expect(nextSlot({ kind: 'cron', expression: '*/10 * * * * *' }, at('2026-03-01T10:00:01Z')).toISOString()).toBe('2026-03-01T10:00:10.000Z');
    expect(cronError('0 9 * * *')).toBeUndefined();
    expect(cronError('61 * * * *')).toBeTruthy();
    expect(cronError('every day')).toBeTruthy();
  });

  it('catches up missed slots after a restart, at most the newest few', () => {
    const every = { kind: 'every', minutes: 1 } as const;
    const three = dueSlots(every, at('2026-03-01T10:00:00Z'), at('2026-03-01T10:02:30Z'));
    expect(three.slots.map((s) => s.toISOString().slice(11, 16))).toEqual(['10:00', '10:01', '10:02']);
    expect(three.next.toISOString()).toBe('2026-03-01T10:03:00.000Z');
    const day = dueSlots(every, at('2026-03-01T00:00:00Z'), at('2026-03-01T23:59:59Z'));
    expect(day.slots).toHaveLength(MAX_CATCH_UP_SLOTS);
    expect(day.skipped).toBe(24 * 60 - MAX_CATCH_UP_SLOTS);
    expect(day.slots.at(-1)!.toISOString()).toBe('2026-03-01T23:59:00.000Z');
    expect(dueSlots(every, at('2026-03-01T10:05:00Z'), at('2026-03-01T10:04:00Z')).slots).toEqual([]);
  });
});

describe('conditions', () => {
  const rows = [
    { ip: '1.1.1.1', n: '7' },
    { ip: '2.2.2.2', n: '3' },
    { ip: '3.3.3.3', n: '' },
    { ip: '4.4.4.4', n: 'x5' },
  ];
  it('fires on a row count', () => {
    const c: Condition = { kind: 'rows', atLeast: 4 };
    expect(fires(c, matchingRows(c, rows))).toBe(true);
    expect(fires({ kind: 'rows', atLeast: 5 }, rows)).toBe(false);
  });

  it('fires on the rows whose numeric column compares true, ignoring non-numbers', () => {
    const c: Condition = { kind: 'column', column: 'n', op: '>=', value: 5 };
    expect(matchingRows(c, rows)).toEqual([{ ip: '1.1.1.1', n: '7' }]);
    expect(matchingRows({ ...c, op: '<' }, rows).map((r) => r.ip)).toEqual(['2.2.2.2']);
    expect(matchingRows({ ...c, op: '!=', value: 7 }, rows).map((r) => r.ip)).toEqual(['2.2.2.2']);
    expect(fires(c, matchingRows({ ...c, value: 8 }, rows))).toBe(false);
    expect(numericCell(' 1.5e3 ')).toBe(1500);
    expect(numericCell('0x10')).toBeUndefined();
  });

  it('a scheduled report fires every run with all its rows, even none', () => {
    const c: Condition = { kind: 'report' };
    expect(matchingRows(c, rows)).toEqual(rows);
    expect(fires(c, [])).toBe(true);
    expect(missingColumn(c, ['ip'])).toBeUndefined();
  });

  it('names a condition column the result lacks', () => {
    expect(missingColumn({ kind: 'column', column: 'failures', op: '>', value: 1 }, ['ip', 'n'])).toBe('failures');
    expect(missingColumn({ kind: 'column', column: 'n', op: '>', value: 1 }, ['ip', 'n'])).toBeUndefined();
  });
});

describe('signatures, secrets and backoff', () => {
  it('signs the raw body with HMAC-SHA256 and verifies only the same bytes and secret', () => {
    const body = '{"a":1}';
    const s = sign(body, 'secret-one-1234567');
    expect(s).toMatch(/^sha256=[0-9a-f]{64}$/);
    // known vector: HMAC-SHA256(key="key", "The quick brown fox jumps over the lazy dog")
    expect(sign('The quick brown fox jumps over the lazy dog', 'key')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    expect(verify(body, 'secret-one-1234567', s)).toBe(true);
    expect(verify('{"a":2}', 'secret-one-1234567', s)).toBe(false);
    expect(verify(body, 'secret-two-1234567', s)).toBe(false);
    expect(verify(body, 'secret-one-1234567', null)).toBe(false);
  });

  it('encrypts destination secrets so only the same root secret opens them', () => {
    const key = keyFrom('session-secret-a');
    const sealed = encrypt('https://hooks.slack.com/services/T000/B000/XXXX', key);
    expect(sealed).not.toContain('hooks.slack.com');
    expect(decrypt(sealed, key)).toBe('https://hooks.slack.com/services/T000/B000/XXXX');
    expect(() => decrypt(sealed, keyFrom('session-secret-b'))).toThrow(/cannot be decrypted/);
    expect(encrypt('same', key)).not.toBe(encrypt('same', key)); // fresh IV each time
  });

  it('masks webhook URLs to scheme, host and the last four characters', () => {
    expect(maskUrl('https://hooks.slack.com/services/T000/B000/abcdWXYZ')).toBe('https://hooks.slack.com/••••WXYZ');
    expect(maskUrl('http://127.0.0.1:4000/x')).toBe('http://127.0.0.1:4000/••••');
  });

  it('backs off exponentially, capped, honouring Retry-After', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(40, 30_000)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(1, 1000, 120)).toBe(120_000);
    expect(isRetryable(503)).toBe(true);
    expect(isRetryable(429)).toBe(true);
    expect(isRetryable(undefined)).toBe(true);
    expect(isRetryable(404)).toBe(false);
  });
});
