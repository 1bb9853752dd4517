import fs from 'node:fs';
import path from 'node:path';

const REPORT = path.resolve('docs', 'benchmarks.md');

/**
 * Replaces (or appends) one bench's section of docs/benchmarks.md, between
 * `<!-- bench:<id> -->` and `<!-- /bench:<id> -->`, in the part the query bench keeps.
 */
export function writeSection(id: string, markdown: string): string {
  const open = `<!-- bench:${id} -->`;
  const close = `<!-- /bench:${id} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const old = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8') : '';
  const a = old.indexOf(open);
  const b = old.indexOf(close);
  const next = a >= 0 && b > a ? old.slice(0, a) + block + old.slice(b + close.length) : `${old.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(REPORT, next);
  return REPORT;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
