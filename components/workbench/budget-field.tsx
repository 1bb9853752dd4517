'use client';

import { useId } from 'react';

/**
 * An optional spending limit for each query run from the workbench: the server refuses a query
 * whose exact estimate is over it, and cancels one whose scanned bytes cross it.
 */
export function BudgetField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const id = useId();
  const invalid = value !== '' && !(Number(value) > 0);
  return (
    <span className="budget-field">
      <label htmlFor={id} className="muted">
        Budget per query ($)
      </label>
      <input
        id={id}
        type="number"
        min="0"
        step="0.01"
        inputMode="decimal"
        placeholder="none"
        value={value}
        aria-invalid={invalid || undefined}
        title="Queries over this estimate are refused; a running query is cancelled when its scanned bytes cost more."
        onChange={(e) => onChange(e.target.value)}
      />
    </span>
  );
}

/** The budget to send with a run: a positive number of dollars, or none. */
export const budgetOf = (value: string): number | undefined => (Number(value) > 0 ? Number(value) : undefined);
