import { DAY_MS } from '../../lib/util/time';
// Tick labels for a linear x axis of epoch milliseconds (no date adapter), in UTC.

export function spanOf(xs: number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return hi > lo ? hi - lo : 0;
}

/** `2026-03-01` for spans of weeks, `03-01 14:00` for days, `14:05:30` within a few minutes; 0 means full precision. */
export function formatTick(ms: number, spanMs: number): string {
  const iso = new Date(ms).toISOString(); // 2026-03-01T14:05:30.000Z
  if (spanMs === 0) return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  if (spanMs > 14 * DAY_MS) return iso.slice(0, 10);
  if (spanMs > DAY_MS / 2) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  if (spanMs > 10 * 60_000) return iso.slice(11, 16);
  return iso.slice(11, 19);
}
