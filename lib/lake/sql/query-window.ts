import { ParserRuleContext, type ParseTree } from 'antlr4ng';
import * as P from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { parseStatement } from './parse';
import { boundsFromWhere, type TimeBounds } from './time-bounds';

/**
 * The eventTime window of a statement's outermost SELECT (epoch ms, either end may be open), as the
 * lake would prune files for it; undefined when the SQL does not parse. For pivots and cost
 * estimates, which need "the same time window" without running anything.
 */
export function queryTimeWindow(sql: string, now = new Date()): TimeBounds | undefined {
  let tree: ParseTree;
  try {
    tree = parseStatement(sql).tree;
  } catch {
    return undefined;
  }
  const spec = firstQuerySpecification(tree);
  if (!spec) return {};
  const bounds = boundsFromWhere(spec.whereClause()?.booleanExpression() ?? null, now);
  // unqualified conditions apply to every table; otherwise take the first table's
  return bounds.get('') ?? bounds.values().next().value ?? {};
}

function firstQuerySpecification(node: ParseTree): P.QuerySpecificationContext | undefined {
  if (node instanceof P.QuerySpecificationContext) return node;
  if (!(node instanceof ParserRuleContext)) return undefined;
  for (const c of node.children ?? []) {
    const found = firstQuerySpecification(c);
    if (found) return found;
  }
  return undefined;
}
