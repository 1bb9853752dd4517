import { sqlString } from '../util/sql-text/quote';
import { utcTimestampText } from '../util/sql-text/timestamp-text';
import type { SqlValue } from './types';

/**
 * The one generator of parameter SQL: a value becomes a literal token (or a parenthesised list of
 * them), never text the SQL parser could read as structure. Negative numbers are parenthesised
 * so that `x -{{n}}` cannot turn into a `--` comment.
 */
export function sqlLiteral(v: SqlValue): string {
  switch (v.kind) {
    case 'string':
      return sqlString(v.text);
    case 'number':
      return v.text.startsWith('-') ? `(${v.text})` : v.text;
    case 'timestamp':
      return `TIMESTAMP ${sqlString(utcTimestampText(v.ms))}`;
    case 'list':
      return `(${v.items.map(sqlLiteral).join(', ')})`;
  }
}

/** The value's text inside an existing string literal (`'{{window_start}}'`): quotes doubled, so it stays inside. */
export function stringLiteralContent(v: SqlValue): string | undefined {
  switch (v.kind) {
    case 'string':
    case 'number':
      return v.text.replaceAll("'", "''");
    case 'timestamp':
      return utcTimestampText(v.ms);
    case 'list':
      return undefined;
  }
}

/** A harmless value of the same kind and size of list: the statement's shape with it is the shape the template means. */
export function neutralValue(v: SqlValue): SqlValue {
  switch (v.kind) {
    case 'string':
      return { kind: 'string', text: 'x' };
    case 'number':
      return { kind: 'number', text: v.text.startsWith('-') ? '-1' : '1' };
    case 'timestamp':
      return { kind: 'timestamp', ms: 0 };
    case 'list':
      return { kind: 'list', items: v.items.map(neutralValue) };
  }
}
