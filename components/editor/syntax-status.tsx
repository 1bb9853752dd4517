'use client';

import type { SyntaxProblem } from './sql-editor';

/** The syntax check of the shown query, from the Trino grammar's markers (null until checked). */
export function SyntaxStatus({ problems }: { problems: SyntaxProblem[] | null }) {
  const n = problems?.length ?? 0;
  const first = problems?.[0];
  const text =
    problems === null
      ? 'Checking syntax…'
      : n === 0
        ? 'No syntax errors'
        : `${n} syntax ${n === 1 ? 'error' : 'errors'} — line ${first!.line}, column ${first!.column}: ${first!.message}`;
  return (
    <output aria-label="Syntax check" title={text} className={`syntax-status${n ? ' has-errors' : ''}`} data-syntax-errors={problems ? n : undefined}>
      {text}
    </output>
  );
}
