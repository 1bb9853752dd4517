/**
 * Where each record of a trail's log file (`{"Records":[{...},{...}]}`) starts and ends in the
 * file's bytes, found without building the records. Per record: `start, end, flags`, then, with a
 * scan plan, a `start, end` pair per slot of the plan (see below). `flags` has COMPACT when the
 * record has no whitespace outside its strings, and CHECKED when the scanner proved it valid JSON
 * whose keys at the schema's struct positions are spelled as the schema spells them, whose struct
 * positions hold objects or null, and whose slot values are plain: such a record needs neither
 * parsing nor respelling before DuckDB reads its text. Undefined for any other file shape (NDJSON,
 * a bare array, a truncated file, extra keys): the file is then parsed whole.
 *
 * A slot is a top-level key whose value the caller wants without parsing: `start, end` of a
 * string's content (a string without escapes), SLOT_TRUE / SLOT_FALSE, or SLOT_NONE when absent
 * or null. A record whose slot holds anything else (a number, an object, an escaped string) is
 * not CHECKED.
 *
 * A record nested more than MAX_RECORD_DEPTH arrays and objects deep (the record itself is
 * level 1) has TOO_DEEP in its flags: its file is refused, since what serialises or walks a record
 * recursively would overflow the stack on it. Real CloudTrail records nest about 10 deep; the
 * limit leaves room for deep request parameters.
 *
 * `recordSpans` is self-contained, one function with no inner ones, on purpose: the reader thread
 * runs its source (see log-file-reader.ts), where no bundler helper or module binding exists. Its
 * literals are the constants below.
 */
export const COMPACT = 1;
export const CHECKED = 2;
export const TOO_DEEP = 4;
export const MAX_RECORD_DEPTH = 128;
export const SLOT_NONE = -1;
export const SLOT_TRUE = -2;
export const SLOT_FALSE = -3;

/** Key kinds in a plan: what the schema wants as the key's value. */
export const SCALAR = 0;
export const STRUCT = 1;
export const STRUCT_ARRAY = 2;

/** A schema position: its keys by `keyHash`, and the hashes of its keys in lower case (to catch another case of one). */
export interface PlanNode {
  exact: Map<number, { key: Uint8Array; kind: number; child: PlanNode | null; slot: number }>;
  folded: Set<number>;
}
/** What records are checked against; plain data (Maps, Sets, bytes), so it can be sent to the reader thread. */
export interface ScanPlan {
  slots: number;
  root: PlanNode;
}

/** Ints per record in the scanner's output. */
export const strideOf = (plan?: ScanPlan): number => 3 + 2 * (plan?.slots ?? 0);

/** The hash `recordSpans` computes of each key's bytes (`fold`: with ASCII capitals in lower case). */
export function keyHash(b: ArrayLike<number>, fold: boolean): number {
  let h = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    h = (Math.imul(h, 31) + (fold && c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  }
  return h;
}

export function recordSpans(b: Uint8Array, plan?: ScanPlan): number[] | undefined {
  const n = b.length;
  const expect = [123, 34, 82, 101, 99, 111, 114, 100, 115, 34, 58, 91]; // {"Records":[ with whitespace between tokens
  const slots = plan ? plan.slots : 0;
  const root = plan ? plan.root : null;
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3; // a UTF-8 byte order mark
  for (let k = 0; k < expect.length; k++) {
    // whitespace may stand between tokens, not inside "Records"
    if (k === 0 || k === 1 || k >= 10) while (i < n && (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9)) i++;
    if (b[i] !== expect[k]) return undefined;
    i++;
  }
  const spans: number[] = [];
  // the checker's stack: per depth, whether it is an array, and the schema node of its members
  const isArray: number[] = [];
  const nodes: (PlanNode | null)[] = [];
  while (i < n && (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9)) i++;
  if (b[i] === 93) i++;
  else {
    for (;;) {
      if (b[i] !== 123) return undefined;
      const start = i;
      const base = spans.length + 3;
      for (let k = 0; k < 2 * slots; k++) spans[base + k] = -1;
      let flags = 1;
      let plain = 1;
      let end = -1;
      if (root) {
        // Checks the record as JSON.parse would, without building it: a state machine over the
        // bytes (0: a value is due, 1: a key is due, 2: a value has ended), a stack for nesting.
        let p = i;
        let state = 0;
        let depth = 0;
        let wantKind = 1; // what the schema wants of the value due: 0 anything, 1 a struct, 2 an array of structs
        let wantNode: PlanNode | null = root;
        let slot = -1; // the slot the value due fills
        for (;;) {
          if (state === 2 && depth === 0) {
            end = p;
            break;
          }
          while (b[p] === 32 || b[p] === 10 || b[p] === 13 || b[p] === 9) {
            flags = 0;
            p++;
          }
          const c = b[p];
          if (state === 0) {
            if (wantKind === 1 && c !== 123 && c !== 110) plain = 0; // a struct position holding a non-object is respelled to null
            if (c === 123 || c === 91) {
              if (slot >= 0) plain = 0;
              if (depth === 128) break; // MAX_RECORD_DEPTH: measured again below, where it is flagged
              isArray[depth] = c === 91 ? 1 : 0;
              nodes[depth] = c === 123 ? (wantKind === 1 ? wantNode : null) : wantKind === 2 ? wantNode : null;
              depth++;
              p++;
              while (b[p] === 32 || b[p] === 10 || b[p] === 13 || b[p] === 9) {
                flags = 0;
                p++;
              }
              if (b[p] === (c === 123 ? 125 : 93)) {
                p++;
                depth--;
                state = 2;
              } else if (c === 123) state = 1;
              else {
                wantNode = nodes[depth - 1];
                wantKind = wantNode ? 1 : 0;
              }
              slot = -1;
              continue;
            }
            if (c === 34) {
              let escaped = 0;
              const from = p + 1;
              for (p++; ;) {
                const d = b[p];
                if (d === 34) break;
                if (d === 92) {
                  const e = b[p + 1];
                  escaped = 1;
                  if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) p += 2;
                  else if (e === 117) {
                    let hex = 1;
                    for (let k = 2; k < 6; k++) {
                      const h = b[p + k];
                      if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) hex = 0;
                    }
                    if (!hex) break;
                    p += 6;
                  } else break;
                } else if (d < 32 || d === undefined) break;
                else p++;
              }
              if (b[p] !== 34) break; // a bad escape, a control character or the end of the bytes
              p++;
              if (slot >= 0) {
                if (escaped) plain = 0;
                spans[base + 2 * slot] = from;
                spans[base + 2 * slot + 1] = p - 1;
              }
            } else if (c === 116 || c === 102 || c === 110) {
              const word = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
              let k = 0;
              while (k < word.length && b[p + k] === word.charCodeAt(k)) k++;
              if (k < word.length) break;
              p += k;
              if (slot >= 0) {
                spans[base + 2 * slot] = c === 116 ? -2 : c === 102 ? -3 : -1;
                spans[base + 2 * slot + 1] = -1;
              }
            } else {
              // a number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
              if (slot >= 0) plain = 0;
              if (b[p] === 45) p++;
              let q = p;
              while (b[p] >= 48 && b[p] <= 57) p++;
              if (p === q || (b[q] === 48 && p > q + 1)) break;
              if (b[p] === 46) {
                q = ++p;
                while (b[p] >= 48 && b[p] <= 57) p++;
                if (p === q) break;
              }
              if (b[p] === 101 || b[p] === 69) {
                p++;
                if (b[p] === 43 || b[p] === 45) p++;
                q = p;
                while (b[p] >= 48 && b[p] <= 57) p++;
                if (p === q) break;
              }
            }
            slot = -1;
            state = 2;
          } else if (state === 1) {
            if (c !== 34) break;
            const from = p + 1;
            let h = 0;
            let hf = 0;
            // an escaped or non-ASCII key may be another spelling of a schema key ("\u0041RN", a Kelvin
            // sign that lower-cases to k): such keys are not looked up, so not plain where that matters
            let escaped = 0;
            for (p++; ;) {
              const d = b[p];
              if (d === 34 || d === undefined || d < 32) break;
              if (d >= 128) escaped = 1;
              if (d === 92) {
                // a string value's escape check again: this function can have no inner one (see above)
                escaped = 1;
                const e = b[p + 1];
                if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) p += 2;
                else if (e === 117) {
                  let hex = 1;
                  for (let k = 2; k < 6; k++) {
                    const x = b[p + k];
                    if (!((x >= 48 && x <= 57) || (x >= 65 && x <= 70) || (x >= 97 && x <= 102))) hex = 0;
                  }
                  if (!hex) break;
                  p += 6;
                } else break;
                continue;
              }
              h = (Math.imul(h, 31) + d) | 0;
              hf = (Math.imul(hf, 31) + (d >= 65 && d <= 90 ? d + 32 : d)) | 0;
              p++;
            }
            if (b[p] !== 34) break; // a bad escape, a control character or the end of the bytes
            const to = p;
            p++;
            const node = nodes[depth - 1];
            wantKind = 0;
            wantNode = null;
            slot = -1;
            if (node) {
              const entry = escaped ? undefined : node.exact.get(h);
              let same = !!entry && entry.key.length === to - from;
              for (let k = 0; same && k < entry!.key.length; k++) same = entry!.key[k] === b[from + k];
              if (same) {
                wantKind = entry!.kind;
                wantNode = entry!.child;
                if (node === root) slot = entry!.slot;
              } else if (escaped || entry || node.folded.has(hf)) plain = 0;
            }
            while (b[p] === 32 || b[p] === 10 || b[p] === 13 || b[p] === 9) {
              flags = 0;
              p++;
            }
            if (b[p] !== 58) break;
            p++;
            state = 0;
          } else {
            const inArray = isArray[depth - 1];
            if (c === 44) {
              p++;
              if (inArray) {
                state = 0;
                wantNode = nodes[depth - 1];
                wantKind = wantNode ? 1 : 0;
              } else state = 1;
            } else if (c === (inArray ? 93 : 125)) {
              p++;
              depth--;
            } else break;
          }
        }
      }
      if (end > 0) {
        i = end;
        if (plain) flags |= 2;
      } else {
        // not JSON as far as the check goes (or no plan): its extent from brackets outside strings; parsing it reports why
        let depth = 0;
        for (i = start, flags = 1; i < n; i++) {
          const c = b[i];
          if (c === 34) {
            for (i++; i < n && b[i] !== 34; i++) if (b[i] === 92) i++;
            if (i >= n) return undefined;
          } else if (c === 123 || c === 91) {
            if (++depth > 128) flags |= 4; // TOO_DEEP, past MAX_RECORD_DEPTH
          } else if (c === 125 || c === 93) {
            if (--depth === 0) break;
          } else if (c === 32 || c === 10 || c === 13 || c === 9) flags &= 4; // not COMPACT; TOO_DEEP stays
        }
        if (i >= n) return undefined;
        i++;
      }
      spans[base - 3] = start;
      spans[base - 2] = i;
      spans[base - 1] = flags;
      while (i < n && (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9)) i++;
      if (b[i] === 44) {
        i++;
        while (i < n && (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9)) i++;
        continue;
      }
      if (b[i] === 93) {
        i++;
        break;
      }
      return undefined;
    }
  }
  while (i < n && (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9)) i++;
  if (b[i] !== 125) return undefined;
  i++;
  while (i < n && (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9)) i++;
  return i === n ? spans : undefined;
}
