import { codeSpans } from '../../util/sql-text/code-spans';

/** Line and column (1-based) of the first place a column name is written in code, if any. */
export function locateColumn(sql: string, name: string): { line: number; column: number } | undefined {
  const parts = name.split('.').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\w"])"?${parts.join('"?\\s*\\.\\s*"?')}"?(?![\\w"])`, 'i');
  for (const span of codeSpans(sql)) {
    if (!span.code) continue;
    const m = pattern.exec(span.text);
    if (m) {
      const before = sql.slice(0, span.start + m.index);
      return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
    }
  }
  return undefined;
}
