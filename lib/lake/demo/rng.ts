/**
 * Seeded randomness for the demo generator: a small fast PRNG (sfc32), a stateless
 * integer hash for values that must be stable without state (session keys), and
 * id helpers shaped like AWS's (UUIDs, AKIA/ASIA key ids, hex resource ids).
 */

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX1 = '0123456789abcdef';
/** AWS key and principal ids use upper-case base32-like characters. */
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** murmur3 finaliser: a good 32-bit avalanche. */
export function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Stateless hash of up to four integers. */
export function hash4(a: number, b: number, c = 0, d = 0): number {
  let h = fmix((a | 0) ^ 0x9e3779b9);
  h = fmix(h ^ Math.imul(b | 0, 0x27d4eb2f));
  h = fmix(h ^ Math.imul(c | 0, 0x165667b1));
  return fmix(h ^ Math.imul(d | 0, 0x61c88647));
}

/** FNV-1a over a string's UTF-16 units, finalised. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** 16 base32 characters derived from a hash of the inputs (for ASIA… keys that must repeat per session). */
export function hashedKeyId(prefix: string, a: number, b: number, c: number): string {
  let out = prefix;
  let h = hash4(a, b, c);
  for (let i = 0; i < 16; i++) {
    if (i % 6 === 0) h = hash4(h, i, a, c);
    out += B32[h & 31];
    h >>>= 5;
  }
  return out;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    this.a = hash4(lo, hi, 1);
    this.b = hash4(lo, hi, 2);
    this.c = hash4(lo, hi, 3);
    this.d = hash4(lo, hi, 4);
    for (let i = 0; i < 16; i++) this.u32();
  }

  /** sfc32 step. */
  u32(): number {
    const a = this.a,
      b = this.b,
      c = this.c,
      d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** (0, 1] — safe for Math.log. */
  floatOpen(): number {
    return (this.u32() + 1) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Random version-4 UUID text. */
  uuid(): string {
    const a = this.u32(),
      b = this.u32(),
      c = this.u32(),
      d = this.u32();
    return (
      HEX2[a >>> 24] +
      HEX2[(a >>> 16) & 255] +
      HEX2[(a >>> 8) & 255] +
      HEX2[a & 255] +
      '-' +
      HEX2[b >>> 24] +
      HEX2[(b >>> 16) & 255] +
      '-' +
      HEX2[((b >>> 8) & 15) | 64] +
      HEX2[b & 255] +
      '-' +
      HEX2[((c >>> 24) & 63) | 128] +
      HEX2[(c >>> 16) & 255] +
      '-' +
      HEX2[(c >>> 8) & 255] +
      HEX2[c & 255] +
      HEX2[d >>> 24] +
      HEX2[(d >>> 16) & 255] +
      HEX2[(d >>> 8) & 255] +
      HEX2[d & 255]
    );
  }

  /** n lower-case hex digits. */
  hex(n: number): string {
    let out = '';
    let h = 0;
    for (let i = 0; i < n; i++) {
      if (i % 8 === 0) h = this.u32();
      out += HEX1[h & 15];
      h >>>= 4;
    }
    return out;
  }

  /** n characters of AWS-style upper-case id alphabet. */
  keyChars(n: number): string {
    let out = '';
    let h = 0;
    for (let i = 0; i < n; i++) {
      if (i % 6 === 0) h = this.u32();
      out += B32[h & 31];
      h >>>= 5;
    }
    return out;
  }

  /** n base64 characters (for opaque blobs: session tokens, x-amz-id-2, encoded auth messages). */
  base64(n: number): string {
    let out = '';
    let h = 0;
    for (let i = 0; i < n; i++) {
      if (i % 5 === 0) h = this.u32();
      out += B64[h & 63];
      h >>>= 6;
    }
    return out;
  }
}

/** Weighted choice over a fixed list (cumulative weights + binary search). */
export class Picker<T> {
  readonly items: readonly T[];
  private readonly cum: Float64Array;
  readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new Error('Picker needs at least one positive weight');
    this.items = kept.map(([item]) => item);
    this.cum = new Float64Array(kept.length);
    let acc = 0;
    kept.forEach(([, w], i) => {
      acc += w;
      this.cum[i] = acc;
    });
    this.total = acc;
  }

  pick(rng: Rng): T {
    const r = rng.float() * this.total;
    const cum = this.cum;
    let lo = 0,
      hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** A picker from `[item, weight]` pairs. */
export function weighted<T>(...entries: Array<readonly [T, number]>): Picker<T> {
  return new Picker(entries);
}
