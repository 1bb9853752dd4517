import { codeSpans } from '../../lib/util/sql-text/code-spans';

/**
 * A light SQL formatter: one clause per line, one select item per line, AND/OR of WHERE, HAVING
 * and ON on their own lines, subqueries indented, keywords upper-case. It only changes whitespace
 * between tokens and the case of keywords; strings, quoted names and comments are kept verbatim.
 */
type Kind = 'word' | 'string' | 'ident' | 'line-comment' | 'block-comment' | 'number' | 'op' | 'open' | 'close' | 'comma' | 'dot' | 'semi' | 'other';
interface Tok {
  kind: Kind;
  text: string;
  upper: string;
}

const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])`;
const TOKEN = new RegExp(
  String.raw`(${UUID}|\$\{[^}]*\}?|\$?[A-Za-z_][\w$]*)|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(->|<>|<=|>=|!=|\|\||[=<>+\-*/%|])|(\()|(\))|(,)|(\.)|(;)|(\S)`,
  'g',
);
const KINDS: Kind[] = ['word', 'number', 'op', 'open', 'close', 'comma', 'dot', 'semi', 'other'];

function tokens(sql: string): Tok[] {
  const out: Tok[] = [];
  for (const span of codeSpans(sql)) {
    if (!span.code) {
      const t = span.text;
      const kind: Kind = t.startsWith('--') ? 'line-comment' : t.startsWith('/*') ? 'block-comment' : t[0] === "'" ? 'string' : 'ident';
      out.push({ kind, text: kind === 'line-comment' ? t.trimEnd() : t, upper: '' });
      continue;
    }
    for (const m of span.text.matchAll(TOKEN)) {
      const kind = KINDS[m.slice(1).findIndex((g) => g !== undefined)];
      out.push({ kind, text: m[0], upper: m[0].toUpperCase() });
    }
  }
  return out;
}

const KEYWORDS = new Set(
  `SELECT FROM WHERE AND OR NOT GROUP BY ORDER HAVING LIMIT OFFSET AS ON JOIN LEFT RIGHT INNER OUTER
FULL CROSS UNION INTERSECT EXCEPT ALL DISTINCT IN IS NULL LIKE ESCAPE BETWEEN CASE WHEN THEN ELSE END WITH ASC DESC
NULLS FIRST LAST INTERVAL TIMESTAMP DATE OVER PARTITION ROWS RANGE UNBOUNDED PRECEDING FOLLOWING CURRENT ROW EXISTS
TRUE FALSE CAST TRY_CAST UNNEST LATERAL USING FETCH NEXT ONLY WINDOW FILTER VALUES`.split(/\s+/),
);
const INTERVAL_UNITS = new Set(['SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']);
/** Clauses that start a line at the statement's indentation. */
const CLAUSES = new Set(['SELECT', 'FROM', 'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'UNION', 'INTERSECT', 'EXCEPT', 'WITH', 'WINDOW', 'FETCH']);
const JOIN_WORDS = new Set(['JOIN', 'LEFT', 'RIGHT', 'INNER', 'FULL', 'CROSS']);
const NO_SPACE_BEFORE_PAREN = new Set(['word', 'ident', 'close']);

interface Block {
  /** Indentation of the block's clauses, and of its closing parenthesis. */
  indent: number;
  closeIndent: number;
  clause: string;
  /** Parenthesis depth inside the block (function calls, IN lists). */
  parens: number;
  between: boolean;
  caseDepth: number;
}

export function formatSql(sql: string, indentUnit = '  '): string {
  const toks = tokens(sql);
  const lines: string[] = [];
  let line = '';
  const blocks: Block[] = [{ indent: 0, closeIndent: 0, clause: '', parens: 0, between: false, caseDepth: 0 }];
  const block = () => blocks[blocks.length - 1];
  const pad = (n: number) => indentUnit.repeat(n);
  const newline = (indent: number) => {
    if (line.trim()) lines.push(line.trimEnd());
    line = pad(indent);
  };
  let prev: Tok | undefined;

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const b = block();
    const intervalUnit = prev?.kind === 'string' && toks[i - 2]?.upper === 'INTERVAL' && INTERVAL_UNITS.has(t.upper);
    const word = t.kind === 'word' && prev?.kind !== 'dot' && (KEYWORDS.has(t.upper) || intervalUnit) ? t.upper : undefined;
    const text = word ?? t.text;
    const atTop = b.parens === 0 && b.caseDepth === 0;

    if (t.kind === 'close' && b.parens === 0 && blocks.length > 1) {
      blocks.pop();
      newline(b.closeIndent);
      line += ')';
      prev = t;
      continue;
    }

    let space = needsSpace(prev, t, line);
    if (word && atTop && CLAUSES.has(word) && !(word === 'ORDER' && prev?.upper === 'WITHIN')) {
      newline(b.indent);
      b.clause = word;
      space = false;
    } else if (word && atTop && JOIN_WORDS.has(word) && !JOIN_WORDS.has(prev?.upper ?? '') && prev?.upper !== 'NATURAL') {
      newline(b.indent);
      b.clause = 'JOIN';
      space = false;
    } else if (word === 'ON' && atTop) {
      b.clause = 'ON';
    } else if ((word === 'AND' || word === 'OR') && atTop && (b.clause === 'WHERE' || b.clause === 'HAVING' || b.clause === 'ON')) {
      if (word === 'AND' && b.between) b.between = false;
      else {
        newline(b.indent + 1);
        space = false;
      }
    }
    if (word === 'BETWEEN') b.between = true;
    if (word === 'CASE') b.caseDepth++;
    if (word === 'END' && b.caseDepth > 0) b.caseDepth--;

    if (t.kind === 'open') {
      const next = toks[i + 1];
      const query = next?.kind === 'word' && (next.upper === 'SELECT' || next.upper === 'WITH');
      if (
        space &&
        prev &&
        NO_SPACE_BEFORE_PAREN.has(prev.kind) &&
        !(
          prev.kind === 'word' &&
          KEYWORDS.has(prev.upper) &&
          prev.upper !== 'CAST' &&
          prev.upper !== 'TRY_CAST' &&
          prev.upper !== 'UNNEST' &&
          prev.upper !== 'FILTER' &&
          prev.upper !== 'OVER'
        )
      )
        space = false;
      line += (space ? ' ' : '') + '(';
      if (query) {
        const lineIndent = Math.floor((line.length - line.trimStart().length) / indentUnit.length);
        blocks.push({ indent: lineIndent + 1, closeIndent: lineIndent, clause: '', parens: 0, between: false, caseDepth: 0 });
      } else b.parens++;
      prev = t;
      continue;
    }
    if (t.kind === 'close') b.parens--;

    line += (space ? ' ' : '') + text;

    if (t.kind === 'line-comment') newline(b.indent + (b.clause ? 1 : 0));
    else if (t.kind === 'semi') newline(0);
    else if (t.kind === 'comma' && atTop && b.clause === 'SELECT') newline(b.indent + 1);
    else if (word === 'SELECT' && atTop && selectListIsLong(toks, i)) newline(b.indent + 1);
    prev = t;
  }
  if (line.trim()) lines.push(line.trimEnd());
  const out = lines.join('\n');
  // Safety net: formatting may only change whitespace and keyword case.
  return sameTokens(sql, out) ? out : sql;
}

function sameTokens(a: string, b: string): boolean {
  const ta = tokens(a),
    tb = tokens(b);
  return ta.length === tb.length && ta.every((t, i) => t.text === tb[i].text || (t.kind === 'word' && t.upper === tb[i].upper));
}

function needsSpace(prev: Tok | undefined, t: Tok, line: string): boolean {
  if (!prev || !line.trim()) return false;
  if (t.kind === 'comma' || t.kind === 'close' || t.kind === 'dot' || t.kind === 'semi') return false;
  if (prev.kind === 'open' || prev.kind === 'dot') return false;
  // Never glue two tokens into a comment opener or a different operator.
  if (prev.kind === 'op' && t.kind === 'op') return true;
  if (prev.kind === 'op' && (prev.text === '-' || prev.text === '+') && isUnary(line)) return false;
  return true;
}

/** Whether the `-`/`+` just written is a sign: it follows an operator, `(`, `,` or a keyword. */
function isUnary(line: string): boolean {
  const before = line.slice(0, -1).trimEnd();
  if (!before) return true;
  if (/[(,=<>+\-*/%|]$/.test(before)) return true;
  const word = /([A-Za-z_]+)$/.exec(before)?.[1]?.toUpperCase();
  return !!word && KEYWORDS.has(word) && word !== 'NULL' && word !== 'TRUE' && word !== 'FALSE' && word !== 'END';
}

/** Put the select list on its own lines when it has more than one item. */
function selectListIsLong(toks: Tok[], selectAt: number): boolean {
  let depth = 0;
  for (let i = selectAt + 1; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0 && t.kind === 'comma') return true;
    else if (depth === 0 && t.kind === 'word' && (t.upper === 'FROM' || CLAUSES.has(t.upper))) return false;
  }
  return false;
}
