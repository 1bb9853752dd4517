/**
 * Time for the demo generator: fast ISO formatting of whole seconds, the
 * "Nov 1, 2026, 12:34:56 PM" style IAM/STS put in responses, the office-hours
 * activity curve, and Timeline — `count` ascending instants over [start, end)
 * drawn from that curve in O(1) memory.
 */
import type { Rng } from './rng';

const P2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The company's head office works on UTC+9 (no daylight saving), so its day is 23:00–10:00 UTC. */
export const OFFICE_UTC_OFFSET_HOURS = 9;

/** Formats epoch seconds as `2026-11-01T12:34:56Z`, caching the date part. */
export class TimeFormatter {
  private day = NaN;
  private prefix = '';

  iso(sec: number): string {
    const day = Math.floor(sec / 86400);
    if (day !== this.day) {
      this.day = day;
      this.prefix = new Date(day * 86400000).toISOString().slice(0, 11);
    }
    const s = sec - day * 86400;
    const h = (s / 3600) | 0;
    const m = ((s % 3600) / 60) | 0;
    return this.prefix + P2[h] + ':' + P2[m] + ':' + P2[s % 60] + 'Z';
  }
}

/** `Nov 1, 2026, 12:34:56 PM` (UTC), the format of IAM createDate and STS expiration in CloudTrail. */
export function awsDate(sec: number): string {
  const d = new Date(sec * 1000);
  const h24 = d.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h12}:${P2[d.getUTCMinutes()]}:${P2[d.getUTCSeconds()]} ${h24 < 12 ? 'AM' : 'PM'}`;
}

/** `2026-11-01T12:34:56.789+0000`, Lambda's lastModified format. */
export function lambdaDate(sec: number, ms: number): string {
  return new Date(sec * 1000 + ms).toISOString().replace('Z', '+0000');
}

/** Hour of the office week, 0 = Monday 00:00 local. */
export function officeHourOfWeek(sec: number): number {
  // 1970-01-01 was a Thursday: Monday 00:00 is 72 hours earlier.
  return (Math.floor(sec / 3600) + OFFICE_UTC_OFFSET_HOURS + 72) % 168;
}

/** How busy people (and their CI) are in each hour of the office week, 0..1. */
export const PEOPLE_ACTIVITY: Float64Array = (() => {
  const t = new Float64Array(168);
  for (let how = 0; how < 168; how++) {
    const day = Math.floor(how / 24),
      hour = how % 24;
    const weekday = day < 5;
    if (weekday) {
      if (hour >= 9 && hour < 18) t[how] = hour === 12 ? 0.7 : 1;
      else if (hour === 8 || (hour >= 18 && hour < 21)) t[how] = 0.35;
      else t[how] = 0.04;
    } else {
      t[how] = hour >= 10 && hour < 18 ? 0.12 : 0.03;
    }
  }
  return t;
})();

/**
 * Yields exactly `count` ascending whole-second instants in [startSec, endSec), distributed by
 * an intensity that depends on the hour of the office week. Streaming order statistics: each
 * next point is the minimum of the remaining uniforms, then mapped through the inverse
 * cumulative intensity (a monotone map, so order is kept).
 */
export class Timeline {
  private readonly bucketLen: number;
  private readonly cum: Float64Array; // cum[i] = intensity mass before bucket i
  private readonly weight: Float64Array;
  private readonly total: number;
  private bucket = 0;
  private x = 0;
  private left: number;

  constructor(
    private readonly rng: Rng,
    private readonly startSec: number,
    private readonly endSec: number,
    count: number,
    intensity: (hourOfWeek: number) => number,
  ) {
    const span = endSec - startSec;
    this.bucketLen = Math.max(3600, Math.ceil(span / 200_000 / 3600) * 3600);
    const n = Math.max(1, Math.ceil(span / this.bucketLen));
    this.cum = new Float64Array(n + 1);
    this.weight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const b0 = startSec + i * this.bucketLen;
      const len = Math.min(this.bucketLen, endSec - b0);
      this.weight[i] = len * intensity(officeHourOfWeek(b0));
      this.cum[i + 1] = this.cum[i] + this.weight[i];
    }
    this.total = this.cum[n];
    this.left = count;
  }

  next(): number {
    if (this.left <= 0) throw new Error('Timeline exhausted');
    // Minimum of `left` uniforms on [x, 1): x + (1 - x) * (1 - V^(1/left)).
    this.x += (1 - this.x) * -Math.expm1(Math.log(this.rng.floatOpen()) / this.left);
    this.left--;
    const target = this.x * this.total;
    const last = this.weight.length - 1;
    while (this.bucket < last && this.cum[this.bucket + 1] <= target) this.bucket++;
    const w = this.weight[this.bucket];
    const frac = w > 0 ? (target - this.cum[this.bucket]) / w : 0;
    const b0 = this.startSec + this.bucket * this.bucketLen;
    const sec = Math.floor(b0 + frac * Math.min(this.bucketLen, this.endSec - b0));
    return sec < this.startSec ? this.startSec : sec >= this.endSec ? this.endSec - 1 : sec;
  }
}
