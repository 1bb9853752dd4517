'use client';

import { useEffect, useState } from 'react';
import type { Comparison, Condition, Rule, RuleInput } from './api';
import { confirmWithoutDestination, DestinationPicker } from './destination-picker';
import { SubmitButton } from '../forms/submit-button';

export const NEW_RULE = (savedQueryId: string, name: string): RuleInput => ({
  name,
  savedQueryId,
  enabled: true,
  schedule: { kind: 'every', minutes: 5 },
  window: { mode: 'schedule', minutes: 5 },
  condition: { kind: 'rows', atLeast: 1 },
  cooldownMinutes: 0,
  dedupeRows: false,
  summaryTemplate: '',
  rowTemplate: '',
  destinationIds: [],
});

export function inputOfRule(r: Rule): RuleInput {
  const { name, savedQueryId, enabled, schedule, window, condition, cooldownMinutes, dedupeRows, summaryTemplate, rowTemplate } = r;
  return {
    name,
    savedQueryId,
    enabled,
    schedule,
    window,
    condition,
    cooldownMinutes,
    dedupeRows,
    summaryTemplate,
    rowTemplate,
    destinationIds: r.destinations.map((d) => d.id),
  };
}

const OPS: Comparison[] = ['>', '>=', '<', '<=', '=', '!='];
const num = (v: string) => (v === '' ? 0 : Number(v));
function conditionOfKind(kind: string): Condition {
  if (kind === 'column') return { kind: 'column', column: '', op: '>=', value: 1 };
  return kind === 'report' ? { kind: 'report' } : { kind: 'rows', atLeast: 1 };
}

/** Schedule, window, condition, cooldown, message templates and destinations of one rule. */
export function RuleForm({
  value,
  onSubmit,
  submitLabel,
  busy,
  isNew = false,
}: {
  value: RuleInput;
  onSubmit: (r: RuleInput) => void;
  submitLabel: string;
  busy: boolean;
  isNew?: boolean;
}) {
  const [r, setR] = useState(value);
  useEffect(() => setR(value), [value]);
  const set = (patch: Partial<RuleInput>) => setR((x) => ({ ...x, ...patch }));
  const s = r.schedule;
  const c = r.condition;

  return (
    <form
      className="acc-form"
      aria-label="Alert rule"
      onSubmit={(e) => {
        e.preventDefault();
        if (confirmWithoutDestination(r.destinationIds)) onSubmit(r);
      }}
    >
      <label>
        Rule name
        <input type="text" required maxLength={200} value={r.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <fieldset className="alert-fieldset acc-row">
        <legend>Schedule</legend>
        <label>
          Runs
          <select
            aria-label="Runs"
            value={s.kind}
            onChange={(e) => set({ schedule: e.target.value === 'cron' ? { kind: 'cron', expression: '*/15 * * * *' } : { kind: 'every', minutes: 5 } })}
          >
            <option value="every">Every N minutes</option>
            <option value="cron">On a cron expression (UTC)</option>
          </select>
        </label>
        {s.kind === 'every' ? (
          <label>
            Minutes between runs
            <input
              type="number"
              min={1}
              max={10080}
              required
              value={s.minutes}
              onChange={(e) => set({ schedule: { kind: 'every', minutes: num(e.target.value) } })}
            />
          </label>
        ) : (
          <label>
            Cron expression
            <input
              type="text"
              required
              value={s.expression}
              onChange={(e) => set({ schedule: { kind: 'cron', expression: e.target.value } })}
              placeholder="*/15 * * * *"
            />
          </label>
        )}
      </fieldset>
      <fieldset className="alert-fieldset acc-row">
        <legend>Time window</legend>
        <label>
          The query covers
          <select
            aria-label="The query covers"
            value={r.window.mode}
            onChange={(e) => set({ window: { ...r.window, mode: e.target.value as RuleInput['window']['mode'] } })}
          >
            <option value="schedule">the minutes before each run</option>
            <option value="anchored">the minutes before the newest event</option>
          </select>
        </label>
        <label>
          Window minutes
          <input
            type="number"
            min={1}
            max={43200}
            required
            value={r.window.minutes}
            onChange={(e) => set({ window: { ...r.window, minutes: num(e.target.value) } })}
          />
        </label>
        <span className="acc-muted acc-grow">
          The SQL uses <code>{"'{{window_start}}'"}</code> and <code>{"'{{window_end}}'"}</code> (UTC timestamps), e.g.{' '}
          <code>{"eventTime >= '{{window_start}}'"}</code>.
        </span>
      </fieldset>
      <fieldset className="alert-fieldset acc-row">
        <legend>Condition</legend>
        <label>
          Fires when
          <select aria-label="Fires when" value={c.kind} onChange={(e) => set({ condition: conditionOfKind(e.target.value) })}>
            <option value="rows">the result has at least N rows</option>
            <option value="column">a row's numeric column compares true</option>
            <option value="report">every run: a scheduled report of the result</option>
          </select>
        </label>
        {c.kind === 'report' ? (
          <span className="acc-muted acc-grow">
            Every run sends the result (email: attached as CSV; webhooks: the rows and a link), even when it has no rows.
          </span>
        ) : c.kind === 'rows' ? (
          <label>
            Rows at least
            <input type="number" min={1} required value={c.atLeast} onChange={(e) => set({ condition: { kind: 'rows', atLeast: num(e.target.value) } })} />
          </label>
        ) : (
          <>
            <label>
              Column
              <input type="text" required value={c.column} onChange={(e) => set({ condition: { ...c, column: e.target.value } })} />
            </label>
            <label>
              Comparison
              <select aria-label="Comparison" value={c.op} onChange={(e) => set({ condition: { ...c, op: e.target.value as Comparison } })}>
                {OPS.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Threshold
              <input type="number" step="any" required value={c.value} onChange={(e) => set({ condition: { ...c, value: num(e.target.value) } })} />
            </label>
          </>
        )}
      </fieldset>
      <div className="acc-row">
        <label>
          Cooldown minutes
          <input type="number" min={0} max={43200} value={r.cooldownMinutes} onChange={(e) => set({ cooldownMinutes: num(e.target.value) })} />
        </label>
        <label className="acc-check">
          <input type="checkbox" checked={r.dedupeRows} onChange={(e) => set({ dedupeRows: e.target.checked })} /> Notify about each row only once
        </label>
      </div>
      <label>
        Summary template
        <input
          type="text"
          maxLength={2000}
          value={r.summaryTemplate}
          onChange={(e) => set({ summaryTemplate: e.target.value })}
          placeholder="{{rule}}: {{rowCount}} matching rows in {{query}}"
        />
      </label>
      <label>
        Line per row template
        <input
          type="text"
          maxLength={2000}
          value={r.rowTemplate}
          onChange={(e) => set({ rowTemplate: e.target.value })}
          placeholder="{{userName}} from {{sourceIPAddress}} in {{awsRegion}} at {{eventTime}}"
        />
      </label>
      <p className="acc-muted">
        Templates: <code>{'{{column}}'}</code> is a result column; also <code>{'{{rule}}'}</code>, <code>{'{{query}}'}</code>, <code>{'{{rowCount}}'}</code>,{' '}
        <code>{'{{window_start}}'}</code>, <code>{'{{window_end}}'}</code>, <code>{'{{link}}'}</code>. Nothing else is evaluated.
      </p>
      <DestinationPicker value={r.destinationIds} onChange={(destinationIds) => set({ destinationIds })} preselectSingle={isNew} />
      <div className="acc-row">
        <SubmitButton className="acc-button" disabled={busy}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
