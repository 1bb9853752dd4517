import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKED, COMPACT, recordSpans, SLOT_FALSE, SLOT_NONE, SLOT_TRUE, strideOf } from '../../lib/lake/imports/record-spans';
import { SCAN_SLOTS, scanPlan, viewFieldsFor } from '../../lib/lake/imports/scan-plan';
import { parseLogFile } from '../../lib/lake/imports/read-log-file';
import { prepareRecord } from '../../lib/lake/ingest/prepare-record';
import { fieldsFor, TABLE_SHAPES } from '../../lib/lake/schema';
import { generateEvents } from '../../lib/lake/demo/generate-events';

/**
 * The reader's check (a record it marks CHECKED is stored as its text, unparsed) against what
 * parsing concludes, over real published events and random damage to them: CHECKED must imply
 * valid JSON that needs no respelling, with its slots' values exactly as parsed; and for text
 * without escapes or non-ASCII bytes, the converse too, so the check cannot pass by refusing all.
 */
const samples = fs
  .readFileSync(path.resolve(__dirname, '../fixtures/sample-events.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .flatMap((l) => {
    const v = JSON.parse(l) as Record<string, unknown>;
    return Array.isArray(v.Records) ? (v.Records as unknown[]) : [v];
  })
  .map((v) => JSON.stringify(v));
const generated = [...generateEvents({ count: 300, start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-01-02T00:00:00Z'), seed: 3 })].map((e) =>
  JSON.stringify(e),
);

/** A seeded PRNG (mulberry32), so a failure reproduces. */
function prng(seed: number) {
  let a = seed;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const KEY = /"([A-Za-z]+)":/g;
const JUNK = ['{', '}', '[', ']', '"', ',', ':', '\\', ' ', '\n', '0', '-', '1e', 'n', 't', 'f', 'u', '\u0001', 'é', '\\u00', '\\n', '.5', 'null', 'true'];

/** One random damage of a record's text: a key's case, a value's type, an escape, a stray byte. */
function mutate(text: string, r: (n: number) => number): string {
  const keys = [...text.matchAll(KEY)];
  const key = keys[r(keys.length)];
  const at = key.index + 1;
  const name = key[1];
  switch (r(10)) {
    case 0: // another case of a key
      return text.slice(0, at) + (r(2) ? name.toUpperCase() : name[0].toUpperCase() + name.slice(1)) + text.slice(at + name.length);
    case 1: // a key with an escape, or the Kelvin sign for a k
      return (
        text.slice(0, at) +
        (name.includes('k') && r(2) ? name.replace('k', '\u212a') : `\\u00${name.charCodeAt(0).toString(16)}${name.slice(1)}`) +
        text.slice(at + name.length)
      );
    case 2: // the key's value replaced by another type
      return replaceValue(
        text,
        at + name.length + 2,
        ['"x"', '"a\\"b"', '7', '-0.5e3', '[]', '[1,"s"]', '{}', '{"arn":"x"}', 'null', 'true', 'false', '[{"type":"t"}]', '["s"]'][r(13)],
      );
    case 3: // a key duplicated with another value
      return `${text.slice(0, -1)},"${name}":${['"dup"', 'null', '{}', '3'][r(4)]}}`;
    case 4: // whitespace between tokens
      return text.slice(0, at - 1) + ' \n'.slice(r(2)) + text.slice(at - 1);
    case 5: // a trailing comma
      return `${text.slice(0, -1)},}`;
    case 6: // a string value with a control character or an escape
      return replaceValue(text, at + name.length + 2, ['"a\u0001b"', '"a\\tb"', '"\\ud800"', '"\\x41"', '"\\u12"', '"é\\u00e9"'][r(6)]);
    default: {
      // a stray token somewhere, or one byte removed
      const p = 1 + r(text.length - 2);
      return r(3) ? text.slice(0, p) + JUNK[r(JUNK.length)] + text.slice(p) : text.slice(0, p) + text.slice(p + 1);
    }
  }
}

/** `text` with the JSON value starting at `from` replaced (found by matching brackets outside strings). */
function replaceValue(text: string, from: number, by: string): string {
  let depth = 0;
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 0) break;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) {
        i--;
        break;
      }
      if (--depth === 0) break;
    } else if (depth === 0 && c === ',') {
      i--;
      break;
    }
  }
  return text.slice(0, from) + by + text.slice(i + 1);
}

function parsed(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const plainSlot = (v: unknown) =>
  v === undefined || v === null || typeof v === 'boolean' || (typeof v === 'string' && JSON.stringify(v).length === v.length + 2);

function slotValue(b: Buffer, start: number, end: number): unknown {
  if (start >= 0) return b.toString('utf8', start, end);
  return start === SLOT_TRUE ? true : start === SLOT_FALSE ? false : start === SLOT_NONE ? undefined : 'bad slot';
}

describe("the reader's check of a record against the schema", () => {
  for (const shape of ['cloudtrail', 'activity'] as const) {
    it(`agrees with parsing over real events and their random damage (${shape} store)`, () => {
      const plan = scanPlan(shape);
      const fields = fieldsFor(shape);
      const stride = strideOf(plan);
      const r = prng(shape.length);
      let checked = 0;
      let cases = 0;
      for (const base of [...samples, ...generated]) {
        for (let m = 0; m < 12; m++) {
          let text = base;
          for (let k = m === 0 ? 0 : 1 + r(2); k > 0; k--) text = mutate(text, r);
          const file = Buffer.from(`{"Records":[${text}]}`);
          const spans = recordSpans(file, plan);
          if (!spans || spans.length !== stride || file.toString('utf8', spans[0], spans[1]) !== text) continue;
          cases++;
          const flags = spans[2];
          const rec = parsed(text);
          const noRespelling = !!rec && prepareRecordOk(rec, text, fields);
          const slotsPlain = !!rec && SCAN_SLOTS.every((s) => plainSlot(rec[s]));
          if (flags & CHECKED) {
            checked++;
            expect(rec, text).toBeDefined();
            expect(noRespelling, text).toBe(true);
            SCAN_SLOTS.forEach((s, k) => expect(slotValue(file, spans[3 + 2 * k], spans[4 + 2 * k]), `${s} of ${text}`).toEqual(rec![s] ?? undefined));
          } else if (rec && text === JSON.stringify(rec) && !/[\\\u0080-\uffff]/.test(text)) {
            // text as JSON.stringify writes it (no duplicate keys), without escapes or non-ASCII keys
            expect(noRespelling && slotsPlain, `not checked: ${text}`).toBe(false);
          }
          expect(!!(flags & COMPACT), text).toBe(!/\s/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""')));
        }
      }
      // most real events pass as they are, and a good share of the damaged ones were still tested
      expect(checked).toBeGreaterThan(samples.length + generated.length - 10);
      expect(cases).toBeGreaterThan(8 * (samples.length + generated.length));
    });
  }

  it('lets a file be read from its checked records without parsing them, with the same view as parsing', () => {
    const plan = scanPlan('cloudtrail');
    const texts = generated.slice(0, 50);
    const file = Buffer.from(`{"Records":[${texts.join(',')}]}`);
    const spans = recordSpans(file, plan)!;
    const viewFields = viewFieldsFor([{ FieldSelectors: [{ Field: 'eventCategory' }, { Field: 'readOnly' }, { Field: 'eventSource' }] }])!;
    const fast = parseLogFile(file, { spans, stride: strideOf(plan), checksums: '0'.repeat(64 * texts.length), viewFields });
    expect(fast.verbatim!.every(Boolean)).toBe(true);
    const full = texts.map((t) => JSON.parse(t) as Record<string, unknown>);
    fast.records.forEach((view, i) => {
      for (const f of ['eventID', 'eventTime', ...viewFields]) expect(view[f], f).toEqual(full[i][f]);
      expect(Buffer.from(fast.textBytes![i]!).toString()).toBe(texts[i]);
    });
    // a selector reading deeper than the top level needs the whole record
    expect(viewFieldsFor([{ FieldSelectors: [{ Field: 'resources.type' }] }])).toBeUndefined();
    expect(parseLogFile(file, { spans, stride: strideOf(plan), checksums: '0'.repeat(64 * texts.length) }).verbatim!.some(Boolean)).toBe(false);
  });

  it('builds a plan for every table shape', () => {
    for (const shape of TABLE_SHAPES) expect(scanPlan(shape).root.exact.size).toBeGreaterThanOrEqual(SCAN_SLOTS.length);
  });
});

/** Whether parsing would store `text` as it is: no key respelled, no struct position nulled. */
function prepareRecordOk(rec: Record<string, unknown>, text: string, fields: ReturnType<typeof fieldsFor>): boolean {
  try {
    return prepareRecord(rec, fields, text).original === undefined;
  } catch {
    // a record without a usable eventID or eventTime is refused either way; the respelling is what counts here
    return prepareRecord({ ...rec, eventID: 'x', eventTime: '2026-01-01T00:00:00Z' }, fields, text).original === undefined;
  }
}
