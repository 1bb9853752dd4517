import { TrinoSQL } from 'dt-sql-parser';
import type { ProgramContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { SqlValidationError } from './errors';
import { codeSpans } from '../../util/sql-text/code-spans';

export const MAX_STATEMENT_LENGTH = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_IN_CODE = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

export const isUuid = (s: string) => UUID.test(s);

export interface Parsed {
  /** The SQL that was parsed: the user's text with bare store IDs double-quoted. */
  text: string;
  tree: ProgramContext;
}

let parser: TrinoSQL | undefined;

/**
 * Parse trees of recent statements: the same SQL is run again and again (alert rules, re-runs
 * from history), and the grammar is a good part of StartQuery's own time. Trees are only read.
 */
const recent = new Map<string, Parsed>();
const RECENT_STATEMENTS = 100;

/**
 * Parses one Trino SELECT statement with the Trino grammar. Bare UUID table names (how
 * CloudTrail Lake names stores) are quoted first, outside strings and comments, and error
 * positions are mapped back to the user's text.
 */
export function parseStatement(sql: string): Parsed {
  const known = recent.get(sql);
  if (known) {
    recent.delete(sql); // most recently used last
    recent.set(sql, known);
    return known;
  }
  const parsed = parseAnew(sql);
  recent.set(sql, parsed);
  if (recent.size > RECENT_STATEMENTS) recent.delete(recent.keys().next().value!);
  return parsed;
}

function parseAnew(sql: string): Parsed {
  if (sql.length > MAX_STATEMENT_LENGTH) {
    throw new SqlValidationError(`Query statement is ${sql.length} characters long; the limit is ${MAX_STATEMENT_LENGTH}.`);
  }
  if (!sql.trim()) throw new SqlValidationError('Query statement is empty.');
  const nul = sql.indexOf('\0');
  // DuckDB reads statements as C strings: text after a NUL would be cut off.
  if (nul >= 0) throw new SqlValidationError('Query statement contains a NUL character.', positionOf(sql, nul).line, positionOf(sql, nul).column);
  rejectDeepNesting(sql);
  const { text, shifts } = quoteBareUuids(sql);
  parser ??= new TrinoSQL();
  const errors: { line: number; column: number; message: string }[] = [];
  const tree = parser.parse(text, (e) => errors.push({ line: e.startLine, column: e.startColumn, message: e.message }));
  if (errors.length) {
    const e = errors[0];
    const column = e.column - shifts.filter((s) => s.line === e.line && s.column < e.column).length * 2;
    throw new SqlValidationError(describeSyntaxError(e.message, sql), e.line, column);
  }
  return { text, tree };
}

function describeSyntaxError(message: string, sql: string): string {
  const m = message.replace(/\s+/g, ' ').trim();
  const hint = /\$EDS_ID/.test(sql) ? ' (replace $EDS_ID with an event data store ID)' : '';
  return `Syntax error: ${m}${hint}`;
}

/** Double-quotes UUID-shaped words in code (not in strings, quoted names or comments). */
export function quoteBareUuids(sql: string): { text: string; shifts: { line: number; column: number }[] } {
  const shifts: { line: number; column: number }[] = [];
  const text = codeSpans(sql)
    .map((span) =>
      span.code
        ? span.text.replace(UUID_IN_CODE, (m, offset: number) => {
            shifts.push(positionOf(sql, span.start + offset));
            return `"${m}"`;
          })
        : span.text,
    )
    .join('');
  return { text, shifts };
}

function positionOf(s: string, index: number): { line: number; column: number } {
  const before = s.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

const MAX_NESTING = 100;

/** Deeply nested input would make the parser crawl; Trino refuses it too. */
function rejectDeepNesting(sql: string): void {
  for (const span of codeSpans(sql)) {
    if (!span.code) continue;
    let depth = 0;
    for (let i = 0; i < span.text.length; i++) {
      const c = span.text[i];
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (depth > MAX_NESTING) {
        const pos = positionOf(sql, span.start + i);
        throw new SqlValidationError(`Expression is nested more than ${MAX_NESTING} levels deep.`, pos.line, pos.column);
      }
    }
  }
}
