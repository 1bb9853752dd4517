/**
 * Splits SQL into code and non-code spans (string literals, quoted names, comments), so rewrites
 * such as quoting store IDs or filling `$EDS_ID` never touch text inside strings or comments.
 */
export interface Span {
  code: boolean;
  start: number;
  text: string;
}

export function codeSpans(sql: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < sql.length) {
    const end = skipNonCode(sql, i);
    if (end > i) {
      spans.push({ code: false, start: i, text: sql.slice(i, end) });
      i = end;
      continue;
    }
    let j = i;
    while (j < sql.length && skipNonCode(sql, j) === j) j++;
    spans.push({ code: true, start: i, text: sql.slice(i, j) });
    i = j;
  }
  return spans;
}

/** If a string literal, quoted identifier or comment starts at i, the index after it; else i. */
function skipNonCode(s: string, i: number): number {
  const c = s[i];
  if (c === "'" || c === '"' || c === '`') {
    let j = i + 1;
    while (j < s.length) {
      if (s[j] === c) {
        if (s[j + 1] === c) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return s.length;
  }
  if (c === '-' && s[i + 1] === '-') {
    const nl = s.indexOf('\n', i);
    return nl < 0 ? s.length : nl;
  }
  if (c === '/' && s[i + 1] === '*') {
    const close = s.indexOf('*/', i + 2);
    return close < 0 ? s.length : close + 2;
  }
  return i;
}

/** Replaces `$EDS_ID` (and `$EDS_ID_2`, ...) in code with the given store IDs. */
export function fillStorePlaceholders(sql: string, storeIds: string[]): string {
  return codeSpans(sql)
    .map((s) => (s.code ? s.text.replace(/\$EDS_ID(?:_(\d+))?\b/g, (m, n: string | undefined) => storeIds[n ? Number(n) - 1 : 0] ?? m) : s.text))
    .join('');
}
