import { fieldsFor, type Field, type TableShape } from '../lake/schema';
import { codeSpans } from '../util/sql-text/code-spans';
import { parseTimestampText } from '../util/sql-text/timestamp-text';
import { DAY_MS } from '../util/time';
import { addInterval } from '../util/sql-text/interval';

/**
 * Checks run before a query is sent: cost traps (no eventTime bound, a window wider than the
 * store keeps, SELECT * on data events) and mistakes that fail or mislead (unreplaced
 * placeholders, LIKE on a map column). Lexical and pure: no parser, so it is cheap enough to run
 * on every Run; comments never trigger a rule and string literals only for placeholders.
 */
export type LintRule = 'placeholder' | 'no-time-bound' | 'beyond-retention' | 'future-window' | 'select-star-data' | 'like-on-map';
export type LintSeverity = 'error' | 'warning';

export interface LintIssue {
  rule: LintRule;
  /** error: the query will fail or return the wrong thing; warning: it costs more than needed. */
  severity: LintSeverity;
  message: string;
  /** Offsets into the SQL of the text the issue is about. */
  start: number;
  end: number;
}

export interface LintStore {
  id: string;
  name?: string;
  /** Days the store keeps events (GET /api/stores). */
  retentionPeriod?: number;
  /** Event categories the store's selectors admit (Management, Data, NetworkActivity, ...); unknown when absent. */
  eventCategories?: string[];
}

export interface LintContext {
  /** The picked store; `$EDS_ID` is filled with its ID. */
  store?: LintStore;
  shape?: TableShape;
  now?: Date;
}

type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'op' | 'punct' | 'param' | 'other';
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])`;
const TOKEN = new RegExp(
  String.raw`(\$\{[^}]*\}?)|(\$[A-Za-z_]\w*)|(${UUID}|[A-Za-z_]\w*)|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(<>|<=|>=|!=|\|\||[=<>+\-*/%])|([(),.;[\]])|(\S)`,
  'g',
);
const KINDS: TokenKind[] = ['param', 'param', 'word', 'number', 'op', 'punct', 'other'];

/** Tokens of the SQL, comments dropped; strings and quoted identifiers are single tokens. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  for (const span of codeSpans(sql)) {
    if (!span.code) {
      const q = span.text[0];
      if (q === "'") out.push({ kind: 'string', text: span.text, start: span.start, end: span.start + span.text.length });
      else if (q === '"' || q === '`') out.push({ kind: 'ident', text: span.text, start: span.start, end: span.start + span.text.length });
      continue;
    }
    for (const m of span.text.matchAll(TOKEN)) {
      const kind = KINDS[m.slice(1).findIndex((g) => g !== undefined)];
      const start = span.start + m.index!;
      out.push({ kind, text: m[0], start, end: start + m[0].length });
    }
  }
  return out;
}

const lower = (t: Token | undefined) => (t ? (t.kind === 'ident' ? t.text.slice(1, -1) : t.text).toLowerCase() : '');
const isName = (t: Token | undefined) => !!t && (t.kind === 'word' || t.kind === 'ident');
const stringValue = (t: Token) => t.text.slice(1, -1).replaceAll("''", "'");

/** The dotted name ending at token i (`a.b.c` → ['a','b','c']) and the index of its first token. */
function pathEndingAt(tokens: Token[], i: number): { parts: string[]; first: number } {
  const parts = [lower(tokens[i])];
  let j = i;
  while (j >= 2 && tokens[j - 1].text === '.' && isName(tokens[j - 2])) {
    parts.unshift(lower(tokens[j - 2]));
    j -= 2;
  }
  return { parts, first: j };
}

export function lintQuery(sql: string, ctx: LintContext = {}): LintIssue[] {
  const tokens = tokenize(sql);
  const now = (ctx.now ?? new Date()).getTime();
  return [
    ...placeholderIssues(sql, tokens, ctx),
    ...timeBoundIssues(tokens, ctx, now),
    ...selectStarIssues(tokens, ctx),
    ...likeOnMapIssues(tokens, ctx.shape ?? 'cloudtrail'),
  ].sort((a, b) => (a.severity === b.severity ? a.start - b.start : a.severity === 'error' ? -1 : 1));
}

// ---- placeholders -------------------------------------------------------------------------------

const ANGLE_IN_STRING = /<[A-Za-z][^<>'\n]{0,80}>/g;
const ANGLE_IN_CODE = /<\s*[A-Za-z][\w .:/-]{0,80}>/g;
const TEMPLATE = /\$\{[^}\n]*\}?/g;

function placeholderIssues(sql: string, tokens: Token[], ctx: LintContext): LintIssue[] {
  const issues: LintIssue[] = [];
  const add = (start: number, text: string, message: string) =>
    issues.push({ rule: 'placeholder', severity: 'error', message, start, end: start + text.length });
  for (const span of codeSpans(sql)) {
    if (span.text.startsWith('--') || span.text.startsWith('/*')) continue;
    for (const m of span.text.matchAll(TEMPLATE)) add(span.start + m.index!, m[0], `Replace the placeholder ${m[0]} with a value.`);
    if (!span.code) {
      if (span.text[0] === "'") {
        for (const m of span.text.matchAll(ANGLE_IN_STRING)) add(span.start + m.index!, m[0], `Replace the placeholder ${m[0]} with a value.`);
      }
      continue;
    }
    for (const m of span.text.matchAll(ANGLE_IN_CODE)) {
      const at = span.start + m.index!;
      if (isComparison(sql, at)) continue;
      add(at, m[0], `Replace the placeholder ${m[0]} with a value.`);
    }
  }
  for (const t of tokens) {
    if (t.kind !== 'param' || t.text.startsWith('${')) continue;
    if (t.text === '$EDS_ID') {
      if (!ctx.store) add(t.start, t.text, 'No event data store is picked, so $EDS_ID cannot be filled in. Pick a store or write its ID.');
    } else {
      add(t.start, t.text, `${t.text} is not filled in: only $EDS_ID stands for the picked store. Write the value or a store ID.`);
    }
  }
  return issues;
}

/** `a <b AND c> d` is two comparisons, not a placeholder: `<` right after an operand compares. */
function isComparison(sql: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(sql[i])) i--;
  if (i < 0) return false;
  if (!/[\w)\]'"`]/.test(sql[i])) return false;
  const word = /([A-Za-z_]\w*)$/.exec(sql.slice(Math.max(0, i - 20), i + 1))?.[1]?.toLowerCase();
  return !word || !KEYWORDS_BEFORE_VALUE.has(word);
}
const KEYWORDS_BEFORE_VALUE = new Set([
  'from',
  'join',
  'in',
  'like',
  'select',
  'where',
  'and',
  'or',
  'by',
  'on',
  'limit',
  'then',
  'else',
  'when',
  'is',
  'not',
  'as',
]);

// ---- eventTime bounds ---------------------------------------------------------------------------

const NOW_WORDS = new Set(['now', 'current_timestamp', 'localtimestamp']);

interface Bound {
  start: number;
  end: number;
  ms?: number;
  side: 'lo' | 'hi';
}

const LOWER_AFTER = new Set(['>', '>=', '=', 'between']);
const UPPER_AFTER = new Set(['<', '<=', '=']);

/**
 * Bounds on eventTime: lower from `eventTime >|>=|= X`, `X <|<=|= eventTime`, `eventTime BETWEEN X AND ...`;
 * upper from `eventTime <|<=|= X`, `X >|>=|= eventTime` and the second operand of BETWEEN.
 */
export function eventTimeBounds(tokens: Token[], nowMs: number): Bound[] {
  const bounds: Bound[] = [];
  tokens.forEach((t, i) => {
    if (!isName(t) || lower(t) !== 'eventtime' || tokens[i + 1]?.text === '.') return;
    const { first } = pathEndingAt(tokens, i);
    const next = tokens[i + 1];
    const op = lower(next);
    if (LOWER_AFTER.has(op) || UPPER_AFTER.has(op)) {
      const value = evalTime(tokens, i + 2, nowMs);
      const at = { start: tokens[first].start, end: next.end };
      if (LOWER_AFTER.has(op)) bounds.push({ ...at, ms: value?.ms, side: 'lo' });
      if (UPPER_AFTER.has(op)) bounds.push({ ...at, ms: value?.ms, side: 'hi' });
      if (op === 'between' && value && lower(tokens[value.next]) === 'and') bounds.push({ ...at, ms: evalTime(tokens, value.next + 1, nowMs)?.ms, side: 'hi' });
      return;
    }
    const prev = tokens[first - 1];
    const before = prev?.text ?? '';
    if (['<', '<=', '=', '>', '>='].includes(before)) {
      const ms = evalTimeBackwards(tokens, first - 2, nowMs);
      const at = { start: prev.start, end: t.end };
      if (before !== '>' && before !== '>=') bounds.push({ ...at, ms, side: 'lo' });
      if (before !== '<' && before !== '<=') bounds.push({ ...at, ms, side: 'hi' });
    }
  });
  return bounds;
}

export function eventTimeLowerBounds(tokens: Token[], nowMs: number): Bound[] {
  return eventTimeBounds(tokens, nowMs).filter((b) => b.side === 'lo');
}

/**
 * The eventTime window a query reads (epoch ms, inclusive), from its evaluable bounds; the
 * narrowest when several are given. Lexical, like the lint: a bound inside a subquery counts too.
 */
export function eventTimeWindow(sql: string, nowMs: number): { from?: number; to?: number } {
  let from: number | undefined;
  let to: number | undefined;
  for (const b of eventTimeBounds(tokenize(sql), nowMs)) {
    if (b.ms === undefined) continue;
    if (b.side === 'lo') from = from === undefined ? b.ms : Math.max(from, b.ms);
    else to = to === undefined ? b.ms : Math.min(to, b.ms);
  }
  return { from, to };
}

function timeBoundIssues(tokens: Token[], ctx: LintContext, nowMs: number): LintIssue[] {
  const fromAt = tableFromIndex(tokens);
  if (fromAt < 0) return []; // reads no store
  const bounds = eventTimeLowerBounds(tokens, nowMs);
  const from = tokens[fromAt];
  if (bounds.length === 0) {
    return [
      {
        rule: 'no-time-bound',
        severity: 'warning',
        start: from.start,
        end: tokens[fromAt + 1].end,
        message:
          "No lower bound on eventTime: the query scans every event the store keeps, and the scan is what you pay for. Add e.g. WHERE eventTime > date_add('day', -7, now()).",
      },
    ];
  }
  const issues: LintIssue[] = [];
  const retention = ctx.store?.retentionPeriod;
  for (const b of bounds) {
    if (b.ms === undefined) continue;
    const days = (nowMs - b.ms) / DAY_MS;
    if (retention && days > retention + 1) {
      issues.push({
        rule: 'beyond-retention',
        severity: 'warning',
        start: b.start,
        end: b.end,
        message: `The eventTime window starts ${Math.round(days)} days ago, but ${ctx.store?.name ? `store "${ctx.store.name}"` : 'the store'} keeps events for ${retention} days: nothing older is left to find, and a narrower window scans less.`,
      });
    } else if (b.ms > nowMs + 60_000) {
      issues.push({
        rule: 'future-window',
        severity: 'warning',
        start: b.start,
        end: b.end,
        message: 'The eventTime window starts in the future, so the query cannot match any event.',
      });
    }
  }
  return issues;
}

/** The first `FROM <table>` (not `extract(x FROM y)` or `FROM (subquery)`), or -1. */
function tableFromIndex(tokens: Token[]): number {
  const calls: boolean[] = []; // per open parenthesis: is it a call's argument list?
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text === '(') calls.push(isName(tokens[i - 1]) && !CLAUSE_WORDS.has(lower(tokens[i - 1])));
    else if (t.text === ')') calls.pop();
    else if (lower(t) === 'from' && !calls[calls.length - 1] && tokens[i + 1] && tokens[i + 1].text !== '(') return i;
  }
  return -1;
}
const CLAUSE_WORDS = new Set(['from', 'join', 'in', 'exists', 'as', 'where', 'and', 'or', 'not', 'on', 'select', 'union', 'all', 'lateral', 'unnest']);

interface TimeValue {
  ms: number;
  next: number;
}

/** Evaluates a time expression starting at token i: a timestamp text, now(), date_add(...), now() ± interval. */
function evalTime(tokens: Token[], i: number, nowMs: number): TimeValue | undefined {
  const base = evalTimeAtom(tokens, i, nowMs);
  if (!base) return undefined;
  const op = tokens[base.next]?.text;
  if ((op === '+' || op === '-') && lower(tokens[base.next + 1]) === 'interval') {
    const iv = interval(tokens, base.next + 2);
    const ms = iv && addInterval(base.ms, iv.unit, (op === '-' ? -1 : 1) * iv.n);
    if (ms !== undefined) return { ms, next: iv!.next };
  }
  return base;
}

function evalTimeAtom(tokens: Token[], i: number, nowMs: number): TimeValue | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const w = lower(t);
  if (t.kind === 'string') {
    const ms = parseTimestampText(stringValue(t));
    return ms === undefined ? undefined : { ms, next: i + 1 };
  }
  if (w === 'timestamp' && tokens[i + 1]?.kind === 'string') return evalTimeAtom(tokens, i + 1, nowMs);
  if (NOW_WORDS.has(w)) {
    const call = tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')';
    return { ms: nowMs, next: call ? i + 3 : i + 1 };
  }
  if (tokens[i + 1]?.text !== '(') return undefined;
  if (w === 'date_add' && tokens[i + 2]?.kind === 'string' && tokens[i + 3]?.text === ',') {
    const unit = stringValue(tokens[i + 2]);
    let j = i + 4;
    let sign = 1;
    if (tokens[j]?.text === '-' || tokens[j]?.text === '+') sign = tokens[j++].text === '-' ? -1 : 1;
    const n = Number(tokens[j]?.text);
    if (tokens[j]?.kind !== 'number' || tokens[j + 1]?.text !== ',') return undefined;
    const base = evalTime(tokens, j + 2, nowMs);
    if (!base || tokens[base.next]?.text !== ')') return undefined;
    const ms = addInterval(base.ms, unit, sign * n);
    return ms === undefined ? undefined : { ms, next: base.next + 1 };
  }
  if ((w === 'from_iso8601_timestamp' || w === 'date_parse' || w === 'date') && tokens[i + 2]?.kind === 'string') {
    const ms = parseTimestampText(stringValue(tokens[i + 2]));
    let j = i + 3;
    while (j < tokens.length && tokens[j].text !== ')') j++;
    return ms === undefined ? undefined : { ms, next: j + 1 };
  }
  return undefined;
}

/** `'7' DAY` or `'7' day` after INTERVAL. */
function interval(tokens: Token[], i: number): { n: number; unit: string; next: number } | undefined {
  const v = tokens[i];
  if (v?.kind !== 'string' || !tokens[i + 1]) return undefined;
  const n = Number(stringValue(v).trim());
  return Number.isFinite(n) ? { n, unit: lower(tokens[i + 1]), next: i + 2 } : undefined;
}

/** For `X < eventTime`: evaluates X, which ends at token `last`, when it is a simple atom. */
function evalTimeBackwards(tokens: Token[], last: number, nowMs: number): number | undefined {
  for (let i = last; i >= Math.max(0, last - 12); i--) {
    const v = evalTime(tokens, i, nowMs);
    if (v && v.next === last + 1) return v.ms;
  }
  return undefined;
}

// ---- SELECT * on data events ----------------------------------------------------------------------

const HIGH_VOLUME = new Set(['data', 'networkactivity']);

function selectStarIssues(tokens: Token[], ctx: LintContext): LintIssue[] {
  const categories = ctx.store?.eventCategories;
  if (!categories || !categories.some((c) => HIGH_VOLUME.has(c.toLowerCase()))) return [];
  const issues: LintIssue[] = [];
  tokens.forEach((t, i) => {
    if (lower(t) !== 'select') return;
    let j = i + 1;
    if (lower(tokens[j]) === 'distinct' || lower(tokens[j]) === 'all') j++;
    if (tokens[j]?.text !== '*') return;
    issues.push({
      rule: 'select-star-data',
      severity: 'warning',
      start: t.start,
      end: tokens[j].end,
      message:
        'SELECT * on a store with data events reads every column of a high-volume store. Name the columns you need, and keep the eventTime window short.',
    });
  });
  return issues;
}

// ---- LIKE on a map column -------------------------------------------------------------------------

/** Dotted lower-case paths of every map field of the shape (`requestparameters`, `eventcontext.requestcontext`, ...). */
export function mapFieldPaths(shape: TableShape): string[] {
  const out: string[] = [];
  const walk = (fields: Field[], prefix: string) => {
    for (const f of fields) {
      const path = prefix ? `${prefix}.${f.name}` : f.name;
      if (f.type.kind === 'map') out.push(path);
      else if (f.type.kind === 'struct') walk(f.type.fields, path);
    }
  };
  walk(fieldsFor(shape), '');
  return out;
}

function likeOnMapIssues(tokens: Token[], shape: TableShape): LintIssue[] {
  const maps = mapFieldPaths(shape);
  const issues: LintIssue[] = [];
  tokens.forEach((t, i) => {
    if (lower(t) !== 'like') return;
    let j = i - 1;
    if (lower(tokens[j]) === 'not') j--;
    if (!isName(tokens[j])) return;
    const { parts, first } = pathEndingAt(tokens, j);
    const path = parts.join('.');
    const hit = maps.find((m) => path === m || path.endsWith(`.${m}`));
    if (!hit) return;
    const name = tokens
      .slice(first, j + 1)
      .map((x) => x.text)
      .join('');
    issues.push({
      rule: 'like-on-map',
      severity: 'error',
      start: tokens[first].start,
      end: t.end,
      message: `${name} is a map, and LIKE does not apply to maps. Match one key instead: element_at(${name}, 'key') LIKE '%...%'.`,
    });
  });
  return issues;
}
