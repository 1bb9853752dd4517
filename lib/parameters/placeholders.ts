import { codeSpans } from '../util/sql-text/code-spans';

/**
 * Where `{{name}}` placeholders sit in SQL: in code (a whole literal goes there), inside a string
 * literal (the value's text goes there, quotes doubled: `'{{window_start}}'`, `'%{{user}}%'`),
 * or elsewhere — a quoted name or a comment, where no value can go.
 */
export type PlaceholderContext = 'code' | 'string' | 'identifier' | 'comment';

export interface Placeholder {
  name: string;
  /** Offsets of `{{` and after `}}` in the SQL. */
  start: number;
  end: number;
  context: PlaceholderContext;
}

export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function findPlaceholders(sql: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const span of codeSpans(sql)) {
    const context = spanContext(span.code, span.text);
    for (const m of span.text.matchAll(PLACEHOLDER)) {
      found.push({ name: m[1], start: span.start + m.index!, end: span.start + m.index! + m[0].length, context });
    }
  }
  return found;
}

function spanContext(code: boolean, text: string): PlaceholderContext {
  if (code) return 'code';
  if (text[0] === "'") return 'string';
  if (text[0] === '"' || text[0] === '`') return 'identifier';
  return 'comment';
}

/** Line and column (1-based) of an offset, for messages. */
export function lineColumn(sql: string, offset: number): string {
  const before = sql.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}
