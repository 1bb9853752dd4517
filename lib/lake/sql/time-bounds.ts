import { ParserRuleContext, type ParseTree } from 'antlr4ng';
import * as P from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { parseTimestampText } from '../../util/sql-text/timestamp-text';
import { addInterval } from '../../util/sql-text/interval';
import { DAY_MS } from '../../util/time';

/**
 * The eventTime window a WHERE clause implies, so a query reads only the files that can match.
 * Only conjuncts of the form `eventTime <op> constant` (or BETWEEN) count; anything else leaves
 * the window open, which is always safe.
 */
export interface TimeBounds {
  lo?: number; // epoch ms, inclusive
  hi?: number;
}

interface TimeValue {
  ms: number;
  relative: boolean;
}

/** Bounds per qualifier ('' = unqualified, applies to every table of the query). */
export function boundsFromWhere(where: P.BooleanExpressionContext | null, now: Date): Map<string, TimeBounds> {
  const out = new Map<string, TimeBounds>();
  if (where) collect(where, now, out);
  return out;
}

function collect(node: ParseTree, now: Date, out: Map<string, TimeBounds>): void {
  if (node instanceof P.AndContext) {
    for (const c of node.booleanExpression()) collect(c, now, out);
    return;
  }
  if (!(node instanceof P.PredicatedContext)) return;
  const pred = node.predicate();
  const left = node.valueExpression();
  if (!pred) {
    const inner = unwrapParenthesizedBoolean(left);
    if (inner) collect(inner, now, out);
    return;
  }
  if (pred instanceof P.ComparisonContext) {
    const op = pred.comparisonOperator().getText();
    const right = pred.valueExpression();
    let qual = eventTimeQualifier(left);
    let value: TimeValue | undefined;
    let flipped = false;
    if (qual !== undefined) value = evalTime(right, now);
    else if ((qual = eventTimeQualifier(right)) !== undefined) {
      value = evalTime(left, now);
      flipped = true;
    }
    if (qual === undefined || !value) return;
    const dir = flipped ? flip(op) : op;
    // strict comparisons exclude the bound itself: a file starting exactly at midnight is not read for `< midnight`
    if (dir === '>' || dir === '>=') add(out, qual, { lo: dir === '>' ? value.ms + 1 : value.ms });
    else if ((dir === '<' || dir === '<=') && !value.relative) add(out, qual, { hi: dir === '<' ? value.ms - 1 : value.ms });
    else if (dir === '=') add(out, qual, value.relative ? { lo: value.ms } : { lo: value.ms, hi: value.ms });
    return;
  }
  if (pred instanceof P.BetweenContext && !pred.KW_NOT()) {
    const qual = eventTimeQualifier(left);
    if (qual === undefined) return;
    const lo = evalTime(pred.valueExpression(0)!, now);
    const hi = evalTime(pred.valueExpression(1)!, now);
    add(out, qual, { lo: lo?.ms, hi: hi && !hi.relative ? hi.ms : undefined });
  }
}

const flip = (op: string) => (({ '>': '<', '>=': '<=', '<': '>', '<=': '>=' }) as Record<string, string>)[op] ?? op;

function add(out: Map<string, TimeBounds>, qual: string, b: TimeBounds) {
  const cur = out.get(qual) ?? {};
  if (b.lo !== undefined) cur.lo = cur.lo === undefined ? b.lo : Math.max(cur.lo, b.lo);
  if (b.hi !== undefined) cur.hi = cur.hi === undefined ? b.hi : Math.min(cur.hi, b.hi);
  out.set(qual, cur);
}

function unwrapParenthesizedBoolean(v: P.ValueExpressionContext): P.BooleanExpressionContext | undefined {
  if (!(v instanceof P.ValueExpressionDefaultContext)) return undefined;
  const p = v.primaryExpression();
  if (!(p instanceof P.ParenthesizedExpressionContext)) return undefined;
  return p.expression().booleanExpression() ?? undefined;
}

/** '' for `eventTime`, 'x' for `x.eventTime`, undefined when the operand is not eventTime. */
function eventTimeQualifier(v: ParseTree): string | undefined {
  const parts = columnPath(v);
  if (!parts || parts.length > 2 || parts[parts.length - 1] !== 'eventtime') return undefined;
  return parts.length === 2 ? parts[0] : '';
}

export function columnPath(node: ParseTree): string[] | undefined {
  const v = unwrapExpression(node);
  if (v instanceof P.ColumnReferenceContext) {
    const q = v.columnName().qualifiedName();
    return q?.identifier().map((i) => identifierName(i).toLowerCase());
  }
  if (v instanceof P.DereferenceContext) {
    const base = columnPath(v.primaryExpression());
    return base ? [...base, identifierName(v.identifier()).toLowerCase()] : undefined;
  }
  return undefined;
}

export function identifierName(id: P.IdentifierContext): string {
  const t = id.getText();
  if (id instanceof P.QuotedIdentifierContext) return t.slice(1, -1).replaceAll('""', '"');
  if (id instanceof P.BackQuotedIdentifierContext) return t.slice(1, -1).replaceAll('``', '`');
  return t;
}

export function stringLiteralValue(node: ParseTree | null | undefined): string | undefined {
  let n: ParseTree | null | undefined = node;
  while (n instanceof ParserRuleContext && n.getChildCount() === 1 && !(n instanceof P.BasicStringLiteralContext)) n = n.getChild(0);
  if (n instanceof P.BasicStringLiteralContext) return n.getText().slice(1, -1).replaceAll("''", "'");
  return undefined;
}

function evalNumber(node: ParseTree): number | undefined {
  const text = node.getText().replace(/\s+/g, '');
  return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** The expression under single-child wrappers (expression, predicate, value, parentheses). */
export function unwrapExpression(node: ParseTree): ParseTree {
  let n = node;
  for (;;) {
    if (n instanceof P.ExpressionContext && n.booleanExpression()) n = n.booleanExpression()!;
    else if (n instanceof P.PredicatedContext && !n.predicate()) n = n.valueExpression();
    else if (n instanceof P.ValueExpressionDefaultContext) n = n.primaryExpression();
    else if (n instanceof P.ParenthesizedExpressionContext) n = n.expression();
    else return n;
  }
}

function evalTime(node: ParseTree, now: Date): TimeValue | undefined {
  const lit = stringLiteralValue(node);
  if (lit !== undefined) {
    const ms = parseTimestampText(lit);
    return ms === undefined ? undefined : { ms, relative: false };
  }
  const n = unwrapExpression(node);
  if (n instanceof P.TypeConstructorContext) {
    const ms = parseTimestampText(stringLiteralValue(n.string()) ?? '');
    return ms === undefined ? undefined : { ms, relative: false };
  }
  if (n instanceof P.CurrentTimestampContext) return { ms: now.getTime(), relative: true };
  if (n instanceof P.ArithmeticBinaryContext) {
    const base = evalTime(n.valueExpression(0)!, now);
    const iv = intervalOf(n.valueExpression(1)!);
    const op = n.getChild(1)!.getText();
    if (!base || !iv || (op !== '+' && op !== '-')) return undefined;
    const ms = addInterval(base.ms, iv.unit, op === '-' ? -iv.n : iv.n);
    return ms === undefined ? undefined : { ms, relative: base.relative };
  }
  if (n instanceof P.FunctionCallContext) {
    const name = n.functionName().getText().toLowerCase();
    const args = n.expression();
    if ((name === 'now' || name === 'current_timestamp' || name === 'localtimestamp') && args.length === 0) return { ms: now.getTime(), relative: true };
    if (name === 'date_add' && args.length === 3) {
      const unit = stringLiteralValue(args[0]);
      const k = evalNumber(args[1]);
      const base = evalTime(args[2], now);
      if (unit === undefined || k === undefined || !base) return undefined;
      const ms = addInterval(base.ms, unit, k);
      return ms === undefined ? undefined : { ms, relative: base.relative };
    }
    if ((name === 'from_iso8601_timestamp' || name === 'date_parse' || name === 'date') && args.length >= 1) {
      const ms = parseTimestampText(stringLiteralValue(args[0]) ?? '');
      if (ms !== undefined) return { ms, relative: false };
      return name === 'date' ? floorDay(evalTime(args[0], now)) : undefined;
    }
    if (name === 'date_format' && args.length === 2) return evalTime(args[0], now); // formatting only truncates
  }
  return undefined;
}

function floorDay(v: TimeValue | undefined): TimeValue | undefined {
  return v && { ms: Math.floor(v.ms / DAY_MS) * DAY_MS, relative: v.relative };
}

function intervalOf(node: ParseTree): { n: number; unit: string } | undefined {
  const lit = unwrapExpression(node);
  const n = lit instanceof P.IntervalLiteralContext ? lit.interval() : undefined;
  if (!n) return undefined;
  const text = stringLiteralValue(n.string());
  const fields = n.intervalField();
  if (text === undefined || fields.length !== 1) return undefined;
  const k = Number(text.trim());
  if (!Number.isFinite(k)) return undefined;
  const sign = n.getChild(1)?.getText() === '-' ? -1 : 1;
  return { n: sign * k, unit: fields[0].getText() };
}
