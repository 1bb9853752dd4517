'use client';

import { OPERATORS, SELECTOR_FIELDS, type ConditionRow, type Operator } from '@/lib/lake-admin/store-form';

/** The advanced event selector editor: rows of field, operator and comma-separated values. */
export function ConditionEditor({ rows, onChange, label }: { rows: ConditionRow[]; onChange: (rows: ConditionRow[]) => void; label: string }) {
  const set = (i: number, patch: Partial<ConditionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="lk-conditions">
      <legend>{label}</legend>
      {rows.length === 0 && <p className="acc-muted">No conditions yet: every event of this resource type is logged.</p>}
      {rows.map((r, i) => (
        <div className="acc-row" key={i} role="group" aria-label={`Condition ${i + 1}`}>
          <label>
            Field
            <select value={r.field} onChange={(e) => set(i, { field: e.target.value })}>
              {SELECTOR_FIELDS.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
          <label>
            Operator
            <select value={r.operator} onChange={(e) => set(i, { operator: e.target.value as Operator })}>
              {OPERATORS.map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
          </label>
          <label className="acc-grow">
            Values (comma-separated)
            <input
              type="text"
              value={r.values.join(', ')}
              maxLength={4000}
              onChange={(e) => set(i, { values: e.target.value.split(',').map((v) => v.trimStart()) })}
            />
          </label>
          <button type="button" className="acc-button acc-secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove condition {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="acc-button acc-secondary"
        onClick={() => onChange([...rows, { field: 'resources.ARN', operator: 'StartsWith', values: [] }])}
      >
        Add condition
      </button>
    </fieldset>
  );
}
