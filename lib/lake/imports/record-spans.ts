/**
 * Where each record of a trail's log file (`{"Records":[{...},{...}]}`) starts and ends in the
 * file's bytes, found without parsing: `[start, end, compact, ...]` per record, `compact` 1 when
 * the record has no whitespace outside its strings. The store keeps a compact record's own text
 * as its eventJson instead of serialising the parsed record again. Undefined for any other shape
 * (NDJSON, a bare array, a truncated file, extra keys): the file is then parsed whole.
 *
 * Self-contained on purpose: the reader thread runs this function's source (see local-reader.ts).
 */
export function recordSpans(b: Uint8Array): number[] | undefined {
  const n = b.length;
  const expect = [123, 34, 82, 101, 99, 111, 114, 100, 115, 34, 58, 91]; // {"Records":[ with whitespace between tokens
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3; // a UTF-8 byte order mark
  for (let k = 0; k < expect.length; k++) {
    // whitespace may stand between tokens, not inside "Records"
    if (k === 0 || k === 1 || k >= 10) while (i < n && (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9)) i++;
    if (b[i] !== expect[k]) return undefined;
    i++;
  }
  const spans: number[] = [];
  while (i < n && (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9)) i++;
  if (b[i] === 93) i++;
  else {
    for (;;) {
      if (b[i] !== 123) return undefined;
      const start = i;
      let depth = 0;
      let compact = 1;
      for (; i < n; i++) {
        const c = b[i];
        if (c === 34) {
          for (i++; i < n && b[i] !== 34; i++) if (b[i] === 92) i++;
          if (i >= n) return undefined;
        } else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (--depth === 0) break;
        } else if (c === 32 || c === 10 || c === 13 || c === 9) compact = 0;
      }
      if (i >= n) return undefined;
      i++;
      spans.push(start, i, compact);
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
