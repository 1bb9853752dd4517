import { codeSpans } from '../../lib/util/sql-text/code-spans';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * Where event data store IDs stand in the code (not in strings or comments), as offsets. The
 * grammar's tokenizer splits a bare UUID into numbers, names and minus signs; the editor colours
 * these ranges as one store-ID token instead.
 */
export function storeIdSpans(sql: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const span of codeSpans(sql)) {
    if (!span.code) continue;
    for (const m of span.text.matchAll(UUID)) out.push({ start: span.start + m.index!, end: span.start + m.index! + m[0].length });
  }
  return out;
}
