import { ParserRuleContext, TerminalNode, type ParseTree } from 'antlr4ng';
import { TrinoSqlParser as P } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { parseStatement } from '../lake/sql/parse';
import { fillStorePlaceholders } from '../util/sql-text/code-spans';

const LITERAL_TOKENS = new Map<number, string>([
  [P.STRING, '<string>'],
  [P.UNICODE_STRING, '<string>'],
  [P.INTEGER_VALUE, '<number>'],
  [P.DECIMAL_VALUE, '<number>'],
  [P.DOUBLE_VALUE, '<number>'],
]);
/** Any store ID will do: shapes compare statements, not stores. */
const SOME_STORE = '00000000-0000-4000-8000-000000000000';

/**
 * A statement's structure as the Trino grammar reads it: its parse tree with every literal's
 * value blanked. Two statements with the same shape differ only in literal values.
 * Throws the lake's SqlValidationError when the statement does not parse.
 */
export function sqlShape(sql: string): string {
  const out: string[] = [];
  const walk = (n: ParseTree) => {
    if (n instanceof TerminalNode) {
      out.push(LITERAL_TOKENS.get(n.symbol.type) ?? n.getText().toLowerCase());
    } else if (n instanceof ParserRuleContext) {
      out.push(`${P.ruleNames[n.ruleIndex]}(`);
      for (const c of n.children ?? []) walk(c);
      out.push(')');
    }
  };
  walk(parseStatement(fillStorePlaceholders(sql, [SOME_STORE])).tree);
  return out.join(' ');
}
