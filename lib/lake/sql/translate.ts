import { ParserRuleContext, TerminalNode, Token, type ParseTree } from 'antlr4ng';
import * as P from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer';
import { SqlValidationError } from './errors';
import { AGGREGATE_FUNCTIONS, ARRAY_FUNCTIONS, FUNCTIONS, FunctionUsageError, MAP_FUNCTIONS, type CallInfo } from './functions';
import { parseStatement, isUuid } from './parse';
import { boundsFromWhere, columnPath, identifierName, stringLiteralValue, unwrapExpression, type TimeBounds } from './time-bounds';
import { parseTimestampText, utcTimestampText } from '../../util/sql-text/timestamp-text';
import { mapType } from './types';
import { sqlIdentifier, sqlString } from '../../util/sql-text/quote';
import { MAP_FIELD_NAMES, type TableShape } from '../schema';

/**
 * CloudTrail Lake SQL (Trino) → DuckDB SQL, by walking the Trino parse tree: store IDs become
 * scans of the store's Parquet files inside the query's eventTime window, Trino functions and
 * types become their DuckDB equivalents, output columns get Trino's names. Everything is
 * re-emitted from the tree, so text in strings and comments is never rewritten by accident.
 */
export interface StoreRef {
  id: string;
  shape: TableShape;
}

export interface TranslateEnv {
  /** A store this query may read, by the name written in FROM (a store ID). */
  resolveStore(name: string): StoreRef | undefined;
  /** DuckDB relation text scanning the store's files that overlap the bounds. */
  scan(store: StoreRef, bounds: TimeBounds): string;
  now: Date;
}

export interface Translation {
  sql: string;
  /** Every store read, with the window used to choose its files. */
  scans: { storeId: string; bounds: TimeBounds }[];
  /** Top-level column names the query mentions (lower-case); `all` when it selects `*`. */
  columns: Set<string> | 'all';
  /** Whether the result may be large: the outer query neither groups, aggregates, nor has a LIMIT of 1,000 or less. A hint only. */
  manyRows: boolean;
  /**
   * A statement counting the events that match the query's filters (CloudTrail's EventsMatched):
   * the events of each store read by a SELECT whose FROM is that store alone and whose WHERE they
   * pass. Undefined when no SELECT reads a store alone (joins), or a filter holds a subquery.
   */
  matchedSql?: string;
  /** Every store-reading SELECT is unfiltered: the events matched are the events scanned, no count needed. */
  matchedAreScanned?: boolean;
}

export function translate(sql: string, env: TranslateEnv): Translation {
  const parsed = parseStatement(sql);
  return new Translator(env).run(parsed.tree);
}

class Translator {
  private scans: Translation['scans'] = [];
  private columns = new Set<string>();
  private selectsAll = false;
  private tableBounds = new Map<P.TableNameContext, TimeBounds>();
  private unnestCount = 0;
  /** Inside try(...): division by zero and failed casts give NULL there instead of failing. */
  private tryDepth = 0;

  constructor(private env: TranslateEnv) {}

  run(tree: P.ProgramContext): Translation {
    const statements = tree.statements().map((s) => s.singleStatement());
    if (statements.length === 0) throw new SqlValidationError('Query statement is empty.');
    if (statements.length > 1) {
      const second = statements[1];
      throw new SqlValidationError('Only one statement per query is allowed.', second.start?.line, (second.start?.column ?? 0) + 1);
    }
    const stmt = statements[0].getChild(0);
    if (!(stmt instanceof P.StatementDefaultContext)) {
      const t = (stmt as ParserRuleContext | null)?.start;
      const word = t?.text?.toUpperCase() ?? 'this statement';
      throw new SqlValidationError(`Only SELECT statements are supported; ${word} is not allowed.`, t?.line, (t?.column ?? 0) + 1);
    }
    this.prepass(stmt);
    const sql = this.emit(stmt.rootQuery()).trim();
    const result = { sql, scans: this.scans, columns: this.selectsAll ? ('all' as const) : this.columns, manyRows: mayReturnManyRows(stmt.rootQuery()) };
    if (rowPerMatchedEvent(stmt.rootQuery())) return result;
    const matched = this.matchedSql(stmt);
    return { ...result, ...matched };
  }

  /** See `Translation.matchedSql`. Emitted after the query, so its scans are not counted twice. */
  private matchedSql(root: ParseTree): Pick<Translation, 'matchedSql' | 'matchedAreScanned'> {
    const counts: string[] = [];
    let filtered = false;
    const visit = (node: ParseTree) => {
      if (node instanceof P.QuerySpecificationContext) {
        const rels = node.relation();
        const where = node.whereClause();
        const rel = rels.length === 1 && rels[0] instanceof P.RelationDefaultContext ? rels[0].sampledRelation() : undefined;
        const aliased = rel && !rel.KW_TABLESAMPLE() ? rel.patternRecognition().aliasedRelation() : undefined;
        const table = aliased?.relationPrimary();
        if (table instanceof P.TableNameContext && this.tableBounds.has(table) && !cteInScope(table, tableName(table)) && !(where && hasSubquery(where))) {
          counts.push(`(SELECT count(*) FROM ${this.emit(aliased!)}${where ? ` WHERE ${this.emit(where.booleanExpression())}` : ''})`);
          filtered ||= !!where;
        }
      }
      // a subquery in an expression may be correlated: its filter alone need not bind
      const inExpression =
        node instanceof P.SubqueryExpressionContext ||
        node instanceof P.ExistsContext ||
        node instanceof P.InSubqueryContext ||
        node instanceof P.QuantifiedComparisonContext;
      if (node instanceof ParserRuleContext && !inExpression) for (const c of node.children ?? []) visit(c);
    };
    const scans = this.scans;
    this.scans = [];
    visit(root);
    this.scans = scans;
    if (!counts.length) return {};
    // unfiltered SELECTs match every event they scan (no WHERE, so no time window either)
    return filtered || counts.length !== this.scans.length ? { matchedSql: `SELECT ${counts.join(' + ')} AS matched` } : { matchedAreScanned: true };
  }

  /** Collects the eventTime window of each store reference. */
  private prepass(node: ParseTree): void {
    if (node instanceof P.QuerySpecificationContext) {
      const bounds = boundsFromWhere(node.whereClause()?.booleanExpression() ?? null, this.env.now);
      for (const rel of node.relation()) this.assignBounds(rel, bounds);
    }
    if (node instanceof ParserRuleContext) for (const c of node.children ?? []) this.prepass(c);
  }

  private assignBounds(node: ParseTree, bounds: Map<string, TimeBounds>): void {
    if (node instanceof P.QueryContext) return; // a subquery has its own WHERE
    if (node instanceof P.AliasedRelationContext) {
      const prim = node.relationPrimary();
      if (prim instanceof P.TableNameContext) {
        const name = tableName(prim).toLowerCase();
        const alias = node.identifier() ? identifierName(node.identifier()!).toLowerCase() : name;
        const b = { ...(bounds.get('') ?? {}) };
        const q = bounds.get(alias);
        if (q?.lo !== undefined) b.lo = Math.max(b.lo ?? -Infinity, q.lo);
        if (q?.hi !== undefined) b.hi = Math.min(b.hi ?? Infinity, q.hi);
        this.tableBounds.set(prim, b);
      }
    }
    if (node instanceof ParserRuleContext) for (const c of node.children ?? []) this.assignBounds(c, bounds);
  }

  emit(node: ParseTree): string {
    if (node instanceof TerminalNode) return terminal(node);
    const n = node as ParserRuleContext;
    if (n instanceof P.FunctionCallContext) return this.functionCall(n);
    if (n instanceof P.ArithmeticBinaryContext && (n.SLASH() || n.PERCENT()) && this.tryDepth === 0) {
      const [l, r] = n.valueExpression().map((e) => this.emit(e));
      return `${n.SLASH() ? 'tb_div' : 'tb_mod'}(${l}, ${r})`;
    }
    if (n instanceof P.CastContext) return this.cast(n);
    if (n instanceof P.TypeConstructorContext) return this.typeConstructor(n);
    if (n instanceof P.AliasedRelationContext) return this.aliasedRelation(n);
    if (n instanceof P.SelectItemContext) return this.selectItem(n);
    if (n instanceof P.SelectAllWithoutTableContext || n instanceof P.TableAllColumnsContext) this.selectsAll = true;
    if (n instanceof P.BasicStringLiteralContext) return this.stringLiteral(n);
    if (n instanceof P.UnicodeStringLiteralContext) throw this.error(n, "Unicode string literals (U&'...') are not supported.");
    if (n instanceof P.IdentifierContext) {
      const name = identifierName(n);
      this.columns.add(name.toLowerCase());
      return sqlIdentifier(name);
    }
    if (n instanceof P.PredicatedContext) {
      this.checkTimeLiterals(n);
      if (n.predicate() instanceof P.LikeContext && this.isMapExpression(n.valueExpression())) {
        throw this.error(n, "Left side of LIKE expression must evaluate to a varchar (actual: map(varchar, varchar)); use element_at(map, 'key') LIKE ...");
      }
    }
    if (n instanceof P.TableFunctionInvocationContext) throw this.error(n, 'Table functions are not supported.');
    if (n instanceof P.QueryPeriodContext) throw this.error(n, 'Time travel (FOR ... AS OF) is not supported.');
    return this.generic(n);
  }

  /**
   * Children re-emitted, a space where the user's text had any gap. The gap itself (spaces,
   * comments) is never copied: Trino and DuckDB end block comments differently, so comment text
   * copied through could turn into code.
   */
  private generic(n: ParserRuleContext, override?: Map<ParseTree, string>): string {
    let out = '';
    let prevEnd = -1;
    for (const c of n.children ?? []) {
      const [start, stop] = range(c);
      if (start < 0) continue;
      if (prevEnd >= 0 && start > prevEnd + 1) out += ' ';
      out += override?.get(c) ?? this.emit(c);
      prevEnd = Math.max(prevEnd, stop);
    }
    return out;
  }

  /** `eventTime <op> 'text'` needs text that is a timestamp; Trino rejects anything else when analysing. */
  private checkTimeLiterals(n: P.PredicatedContext): void {
    const pred = n.predicate();
    const operands =
      pred instanceof P.ComparisonContext
        ? [n.valueExpression(), pred.valueExpression()]
        : pred instanceof P.BetweenContext
          ? [n.valueExpression(), ...pred.valueExpression()]
          : [];
    const isEventTime = (o: ParseTree) => {
      const p = columnPath(o);
      // eventData.eventTime of integration stores is text; only the top-level column is a timestamp.
      return !!p && p.at(-1) === 'eventtime' && (p.length === 1 || (p.length === 2 && p[0] !== 'eventdata'));
    };
    if (!operands.some(isEventTime)) return;
    for (const o of operands) {
      const text = stringLiteralValue(o);
      if (text !== undefined && parseTimestampText(text) === undefined) {
        throw this.error(o as ParserRuleContext, `Value cannot be cast to timestamp: '${text}'`);
      }
    }
  }

  private error(n: ParserRuleContext, message: string): SqlValidationError {
    return new SqlValidationError(message, n.start?.line, (n.start?.column ?? 0) + 1);
  }

  private functionCall(n: P.FunctionCallContext): string {
    const name = n.functionName().getText();
    const lower = name.toLowerCase();
    if (name.includes('.') || !Object.hasOwn(FUNCTIONS, lower)) throw this.error(n, `Function '${lower}' not registered`);
    const spec = FUNCTIONS[lower];
    if (spec.kind === 'same') return this.generic(n, new Map([[n.functionName(), lower]]));
    if (spec.kind === 'rename') return this.generic(n, new Map([[n.functionName(), spec.to]]));
    if (n.over() || n.filter() || n.setQuantifier() || n.sortItem().length) {
      throw this.error(n, `Function '${lower}' cannot be used with DISTINCT, FILTER, ORDER BY or OVER here.`);
    }
    const exprs = n.expression();
    if (lower === 'try') this.tryDepth++;
    const args = exprs.map((e) => this.emit(e));
    if (lower === 'try') this.tryDepth--;
    const info: CallInfo = {
      args,
      literal: (i) => (exprs[i] ? stringLiteralValue(exprs[i]) : undefined),
      isMap: (i) => (exprs[i] ? this.isMapExpression(exprs[i]) : false),
      isArray: (i) => (exprs[i] ? isArrayExpression(exprs[i]) : false),
    };
    try {
      return spec.render(info);
    } catch (e) {
      if (e instanceof FunctionUsageError) throw this.error(n, e.message);
      throw e;
    }
  }

  private isMapExpression(e: ParseTree): boolean {
    const path = columnPath(e);
    if (path) return MAP_FIELD_NAMES.has(path[path.length - 1]);
    const inner = unwrapExpression(e);
    if (inner instanceof P.FunctionCallContext) return MAP_FUNCTIONS.has(inner.functionName().getText().toLowerCase());
    if (inner instanceof P.CastContext) return /^map\b/i.test(inner.type().getText());
    return false;
  }

  private cast(n: P.CastContext): string {
    const keyword = n.KW_TRY_CAST() || this.tryDepth > 0 ? 'TRY_CAST' : 'CAST';
    const target = mapType(n.type(), (t, msg) => this.error(t, msg));
    const expr = this.emit(n.expression());
    // Trino's CAST(x AS JSON) turns a value into JSON (a string becomes a JSON string); DuckDB's parses text.
    if (target === 'JSON') return `to_json(${expr})`;
    if (target === 'VARCHAR' && keyword === 'CAST') return `tb_varchar(${expr})`;
    return `${keyword}(${expr} AS ${target})`;
  }

  private typeConstructor(n: P.TypeConstructorContext): string {
    const type = (n.identifier()?.getText() ?? 'double').toLowerCase();
    const text = stringLiteralValue(n.string()) ?? '';
    if (type === 'timestamp') {
      const ms = parseTimestampText(text);
      if (ms === undefined) throw this.error(n, `Value cannot be cast to timestamp: ${text}`);
      return `TIMESTAMP '${utcTimestampText(ms)}'`;
    }
    if (type === 'date') return `DATE ${this.emit(n.string())}`;
    if (type === 'json') return `json(${this.emit(n.string())})`; // parsed and printed compactly, as Trino does
    if (['varchar', 'char', 'double', 'decimal', 'bigint', 'integer', 'real', 'boolean'].includes(type)) {
      return `CAST(${this.emit(n.string())} AS ${type === 'real' ? 'FLOAT' : type.toUpperCase()})`;
    }
    throw this.error(n, `Unsupported literal type: ${type}`);
  }

  /** Timestamps written with a UTC offset are converted here: DuckDB would drop the offset. */
  private stringLiteral(n: P.BasicStringLiteralContext): string {
    const value = stringLiteralValue(n) ?? '';
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*[+-]\d{2}(:?\d{2})?$/.test(value)) {
      const ms = parseTimestampText(value);
      if (ms !== undefined) return sqlString(utcTimestampText(ms));
    }
    return sqlString(value);
  }

  private aliasedRelation(n: P.AliasedRelationContext): string {
    const prim = n.relationPrimary();
    const alias = n.identifier();
    const aliasText = alias ? ` AS ${this.emit(alias)}${n.columnAliases() ? ' ' + this.emit(n.columnAliases()!) : ''}` : '';
    if (prim instanceof P.TableNameContext) {
      const name = tableName(prim);
      if (!isUuid(name) && cteInScope(prim, name)) return `${sqlIdentifier(name)}${aliasText}`;
      const store = this.env.resolveStore(name);
      if (!store) {
        const hint = isUuid(name) ? 'no event data store with this ID exists in this lake' : 'FROM takes an event data store ID';
        throw this.error(prim, `Table '${name}' does not exist (${hint})`);
      }
      const bounds = this.tableBounds.get(prim) ?? {};
      this.scans.push({ storeId: store.id, bounds });
      return `${this.env.scan(store, bounds)}${aliasText || ` AS ${sqlIdentifier(name)}`}`;
    }
    if (prim instanceof P.ExpressionSourceTableContext) {
      const src = prim.relationSourceTable();
      if (src instanceof P.UnnestContext) return this.unnest(src, alias ? this.emit(alias) : undefined, n.columnAliases());
    }
    return this.generic(n);
  }

  /**
   * Trino's UNNEST of an array of rows yields one column per row field; DuckDB's yields one
   * struct column, so each UNNEST becomes a LATERAL select that unnests recursively.
   */
  private unnest(n: P.UnnestContext, alias: string | undefined, columnAliases: P.ColumnAliasesContext | null): string {
    const exprs = n.expression().map((e) => this.emit(e));
    const name = alias ?? `tb_unnest_${this.unnestCount++}`;
    const cols = columnAliases ? ' ' + this.emit(columnAliases) : '';
    // One alias for one array (`AS t(r)`) names each element, rows included: `r.arn` then works.
    const oneName = columnAliases?.identifier().length === 1;
    const items =
      exprs.length === 1 ? [oneName ? `unnest(${exprs[0]})` : `unnest(${exprs[0]}, recursive := true)`] : exprs.map((e, i) => `unnest(${e}) AS _u${i}`);
    if (n.KW_ORDINALITY()) items.push(`generate_subscripts(${exprs[0]}, 1) AS ordinality`);
    return `LATERAL (SELECT ${items.join(', ')}) AS ${name}${cols}`;
  }

  /** Trino's output names: the alias, else a column's last path segment, else `_colN`. */
  private selectItem(n: P.SelectItemContext): string {
    if (n.tableAllColumns() || n.selectAllWithoutTable()) return this.generic(n);
    const items = (n.parent as P.SelectListContext).selectItem();
    const index = items.indexOf(n);
    const alias = n.identifier();
    const lit = n.selectLiteralColumnName();
    const expr = lit ?? n.selectExpressionColumnName()!;
    let name: string;
    if (alias) name = identifierName(alias);
    else if (lit) {
      const ids = lit.columnRef().qualifiedName()?.identifier() ?? [];
      name = ids.length ? identifierName(ids[ids.length - 1]) : `_col${index}`;
    } else {
      const deref = unwrapExpression(n.selectExpressionColumnName()!.expression());
      name = deref instanceof P.DereferenceContext ? identifierName(deref.identifier()) : `_col${index}`;
    }
    return `${this.emit(expr)} AS ${sqlIdentifier(name)}`;
  }
}

/**
 * Whether `name` names a CTE visible at `ref`, by SQL scoping: the WITH of an enclosing query
 * (every CTE, when `ref` is in its body; when `ref` is inside a CTE, the ones before it, and
 * itself if RECURSIVE). A CTE of a subquery is not visible outside that subquery.
 */
function cteInScope(ref: ParseTree, name: string): boolean {
  const wanted = name.toLowerCase();
  const named = (q: P.NamedQueryContext) => identifierName(q.identifier()).toLowerCase() === wanted;
  let child: ParseTree = ref;
  for (let node = ref.parent; node; child = node, node = node.parent) {
    if (node instanceof P.WithContext && child instanceof P.NamedQueryContext) {
      const queries = node.namedQuery();
      const upTo = queries.indexOf(child) + (node.KW_RECURSIVE() ? 1 : 0);
      if (queries.slice(0, upTo).some(named)) return true;
    }
    if (node instanceof P.QueryStatementContext && child === node.queryNoWith() && node.with()?.namedQuery().some(named)) return true;
  }
  return false;
}

const L = TrinoSqlLexer;
/** Tokens only row pattern matching and parameters use (`$` would start a DuckDB dollar quote); none of them is supported. */
const ROW_PATTERN_ONLY = new Set(['$', '^', '|', '{', '}', '{-', '-}', '?']);
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A token as the generator spells it. Keywords and punctuation come from the grammar's own
 * vocabulary, numbers are checked to be only a number; anything free-form (strings, names) is
 * handled by its rule above, so reaching it here is refused rather than copied through.
 */
function terminal(node: TerminalNode): string {
  const t = node.symbol;
  if (t.type === Token.EOF) return '';
  if (t.type === L.NEQ) return '<>'; // the one operator with two spellings ('<>', '!=')
  if (t.type === L.INTEGER_VALUE || t.type === L.DECIMAL_VALUE || t.type === L.DOUBLE_VALUE) {
    const digits = (t.text ?? '').replaceAll('_', '');
    if (NUMBER.test(digits)) return digits;
  } else {
    const literal = L.literalNames[t.type]?.slice(1, -1);
    if (literal && !ROW_PATTERN_ONLY.has(literal)) return literal;
  }
  const what =
    t.type === L.BINARY_LITERAL ? "Binary literals (X'...')" : t.type === L.UNICODE_STRING ? "Unicode string literals (U&'...')" : `The token '${t.text}'`;
  throw new SqlValidationError(`${what} cannot be used here.`, t.line, t.column + 1);
}

function tableName(t: P.TableNameContext): string {
  const ref = t.tableOrViewName().getChild(0) as P.TableRefContext;
  const ids = ref.identifier?.() ?? [];
  return ids.map(identifierName).join('.');
}

function range(c: ParseTree): [number, number] {
  if (c instanceof TerminalNode) return [c.symbol.start, c.symbol.stop];
  const r = c as ParserRuleContext;
  if (!r.start || !r.stop || r.stop.tokenIndex < r.start.tokenIndex) return [-1, -1];
  return [r.start.start, r.stop.stop];
}

export { columnPath };

/** Array columns of the event schema (lower-case last path segment). */
const ARRAY_COLUMNS = new Set(['resources']);

function isArrayExpression(e: ParseTree): boolean {
  const path = columnPath(e);
  if (path) return ARRAY_COLUMNS.has(path[path.length - 1]);
  const inner = unwrapExpression(e);
  if (inner instanceof P.ArrayConstructorContext) return true;
  if (inner instanceof P.FunctionCallContext) return ARRAY_FUNCTIONS.has(inner.functionName().getText().toLowerCase());
  if (inner instanceof P.CastContext) return /^array\b|\[\]$/i.test(inner.type().getText());
  return false;
}

function mayReturnManyRows(root: P.RootQueryContext): boolean {
  const query = root.query();
  if (!(query instanceof P.QueryStatementContext)) return true;
  const outer = query.queryNoWith();
  const limit = Number(outer._limit?.rowCount()?.INTEGER_VALUE()?.getText());
  if (limit <= 1000) return false;
  const term = outer.queryTerm();
  const primary = term instanceof P.QueryTermDefaultContext ? term.queryPrimary() : undefined;
  if (!(primary instanceof P.QueryPrimaryDefaultContext)) return true;
  const spec = primary.querySpecification();
  return !spec.groupBy() && !spec.selectList().selectItem().some(callsAggregate);
}

/**
 * Whether the query returns exactly one row per event passing its filter (a plain listing of one
 * store: no grouping, aggregate, window, DISTINCT, LIMIT or OFFSET), so its row count is the
 * number of events matched and no separate count is needed.
 */
function rowPerMatchedEvent(root: P.RootQueryContext): boolean {
  const query = root.query();
  if (!(query instanceof P.QueryStatementContext) || query.with()) return false;
  const outer = query.queryNoWith();
  if (outer._limit || outer.KW_OFFSET() || outer.KW_FETCH()) return false;
  const term = outer.queryTerm();
  const primary = term instanceof P.QueryTermDefaultContext ? term.queryPrimary() : undefined;
  if (!(primary instanceof P.QueryPrimaryDefaultContext)) return false;
  const spec = primary.querySpecification();
  const rels = spec.relation();
  const rel = rels.length === 1 && rels[0] instanceof P.RelationDefaultContext ? rels[0].sampledRelation() : undefined;
  const table = rel && !rel.KW_TABLESAMPLE() ? rel.patternRecognition().aliasedRelation().relationPrimary() : undefined;
  if (!(table instanceof P.TableNameContext) || spec.groupBy() || spec.havingClause() || spec.setQuantifier()?.KW_DISTINCT()) return false;
  const where = spec.whereClause();
  if (where && hasSubquery(where)) return false;
  return !spec
    .selectList()
    .selectItem()
    .some((item) => callsAggregate(item) || hasWindow(item) || hasSubquery(item));
}

function hasWindow(node: ParseTree): boolean {
  if (node instanceof P.FunctionCallContext && node.over()) return true;
  return node instanceof ParserRuleContext && (node.children ?? []).some(hasWindow);
}

function hasSubquery(node: ParseTree): boolean {
  if (node instanceof P.QueryContext) return true;
  return node instanceof ParserRuleContext && (node.children ?? []).some(hasSubquery);
}

/** An aggregate call in an expression, outside subqueries. */
function callsAggregate(node: ParseTree): boolean {
  if (node instanceof P.SubqueryExpressionContext || node instanceof P.QueryContext) return false;
  if (node instanceof P.FunctionCallContext && AGGREGATE_FUNCTIONS.has(node.functionName().getText().toLowerCase())) return true;
  return node instanceof ParserRuleContext && (node.children ?? []).some(callsAggregate);
}
