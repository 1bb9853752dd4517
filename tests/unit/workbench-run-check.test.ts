import { describe, expect, it } from 'vitest';
import type { LintIssue } from '../../lib/workbench/lint';
import { decideRun } from '../../lib/workbench/run-check';

const warning: LintIssue = { rule: 'no-time-bound', severity: 'warning', message: 'No lower bound on eventTime', start: 0, end: 1 };
const error: LintIssue = { rule: 'placeholder', severity: 'error', message: 'Replace <role-arn>', start: 0, end: 1 };
const base = { issues: [warning], syntaxErrors: 0, costUsd: 0.00001, confirmAboveUsd: 0.1 };

describe('Run, in proportion to the cost', () => {
  it('runs a cheap query with cost warnings at once and keeps the warnings to show', () => {
    expect(decideRun(base)).toEqual({ action: 'run', notes: [warning] });
  });

  it('asks first when the estimate is over the threshold, or unknown', () => {
    expect(decideRun({ ...base, costUsd: 0.5 })).toEqual({ action: 'confirm', issues: [warning] });
    expect(decideRun({ ...base, costUsd: undefined })).toEqual({ action: 'confirm', issues: [warning] });
  });

  it('always asks about errors, however cheap', () => {
    expect(decideRun({ ...base, issues: [error, warning] }).action).toBe('confirm');
  });

  it('sends a query that does not parse as it is, so its syntax error comes first', () => {
    expect(decideRun({ ...base, issues: [error, warning], syntaxErrors: 1 })).toEqual({ action: 'run', notes: [] });
  });

  it('runs a clean query without notes', () => {
    expect(decideRun({ ...base, issues: [] })).toEqual({ action: 'run', notes: [] });
  });
});
