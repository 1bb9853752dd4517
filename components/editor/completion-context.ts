import { codeSpans } from '../../lib/util/sql-text/code-spans';

/**
 * What the text before the cursor asks for, decided lexically (no parser, so it is instant even
 * on a 10,000-character query): a struct member after a dot, a map key inside
 * `element_at(col, '`, a column's value after `col = '` (also `<>`, `!=`, LIKE, IN (...)), a
 * table after FROM/JOIN, nothing inside other strings and comments, or
 * anything else (columns, functions, keywords).
 */
export type CompletionContext =
  | { kind: 'member'; path: string[]; prefix: string }
  | { kind: 'map-key'; path: string[]; prefix: string }
  | { kind: 'value'; path: string[]; prefix: string }
  | { kind: 'table'; prefix: string }
  | { kind: 'none' }
  | { kind: 'general'; prefix: string };

/** The regular expressions only look at the last few hundred characters (strings and comments are split on the whole text). */
const TAIL = 300;

const IDENT = String.raw`(?:[A-Za-z_][\w$]*|"(?:[^"]|"")+")`;
const MEMBER = new RegExp(String.raw`(${IDENT}(?:\s*\.\s*${IDENT})*)\s*\.\s*([A-Za-z_]\w*)?$`);
const MAP_KEY = new RegExp(String.raw`element_at\s*\(\s*(${IDENT}(?:\s*\.\s*${IDENT})*)\s*,\s*$`, 'i');
const VALUE = new RegExp(String.raw`(${IDENT}(?:\s*\.\s*${IDENT})*)\s*(?:=|<>|!=|\blike|\bin\s*\((?:\s*'(?:[^']|'')*'\s*,)*)\s*$`, 'i');
const TABLE = /\b(?:from|join)\s+(\$?[\w-]*)$/i;
const WORD = /([A-Za-z_][\w$]*)?$/;

export function completionContext(text: string): CompletionContext {
  const spans = codeSpans(text);
  const last = spans[spans.length - 1];
  if (last && !last.code && !isClosed(last.text)) {
    if (last.text[0] !== "'") return { kind: 'none' }; // inside a comment or a quoted name
    const before = text.slice(Math.max(0, last.start - TAIL), last.start);
    const m = MAP_KEY.exec(before);
    if (m) return { kind: 'map-key', path: splitPath(m[1]), prefix: last.text.slice(1) };
    const v = VALUE.exec(before);
    return v ? { kind: 'value', path: splitPath(v[1]), prefix: last.text.slice(1) } : { kind: 'none' };
  }
  if (last && !last.code) return { kind: 'general', prefix: '' }; // right after a closed string/comment
  const tail = text.slice(-TAIL);
  const member = MEMBER.exec(tail);
  if (member) return { kind: 'member', path: splitPath(member[1]), prefix: member[2] ?? '' };
  const table = TABLE.exec(tail);
  if (table) return { kind: 'table', prefix: table[1] };
  return { kind: 'general', prefix: WORD.exec(tail)?.[1] ?? '' };
}

/** Whether a non-code span (string, quoted name or comment) is closed within the text. */
function isClosed(span: string): boolean {
  if (span.startsWith('--')) return false; // runs to the end of the line, which is the cursor
  if (span.startsWith('/*')) return span.length >= 4 && span.endsWith('*/');
  const q = span[0];
  if (span.length < 2 || !span.endsWith(q)) return false;
  // An even run of trailing quotes after the opening one is an escaped quote, not the end.
  let n = 0;
  for (let i = span.length - 1; i > 0 && span[i] === q; i--) n++;
  return n % 2 === 1;
}

/** `userIdentity . "sessionContext".x` → ['useridentity', 'sessioncontext', 'x']. */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  for (const m of path.matchAll(new RegExp(IDENT, 'g'))) {
    const p = m[0];
    parts.push((p.startsWith('"') ? p.slice(1, -1).replaceAll('""', '"') : p).toLowerCase());
  }
  return parts;
}
