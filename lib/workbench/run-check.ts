import type { LintIssue } from './lint';

/**
 * What Run does with the lint's findings, in proportion to what the query costs:
 * - a query that does not parse is sent as it is: the lake's syntax error (with its position)
 *   is what the user needs first, not advice about its cost;
 * - errors (it will fail or mislead) always ask first;
 * - cost warnings ask first only when the estimate is over the confirmation threshold, or
 *   unknown (an AWS store with no history); under it they are shown beside the result.
 */
export type RunDecision = { action: 'run'; notes: LintIssue[] } | { action: 'confirm'; issues: LintIssue[] };

export interface RunCheckInput {
  issues: LintIssue[];
  /** Syntax errors the editor's Trino grammar found in the text to run. */
  syntaxErrors: number;
  /** The query's estimated cost in dollars; undefined when no estimate could be made. */
  costUsd: number | undefined;
  /** Cost warnings block a run only above this (TRAILBENCH_CONFIRM_ABOVE_USD). */
  confirmAboveUsd: number;
}

export function decideRun({ issues, syntaxErrors, costUsd, confirmAboveUsd }: RunCheckInput): RunDecision {
  if (syntaxErrors > 0) return { action: 'run', notes: [] };
  if (issues.some((i) => i.severity === 'error')) return { action: 'confirm', issues };
  if (issues.length && (costUsd === undefined || costUsd > confirmAboveUsd)) return { action: 'confirm', issues };
  return { action: 'run', notes: issues };
}
