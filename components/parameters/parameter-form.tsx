'use client';

import { useId } from 'react';
import { PICKABLE_TYPES, type PickableType } from '@/lib/parameters/infer';
import { TYPE_LABELS, type ParameterProblem, type ParameterSpec } from '@/lib/parameters/types';
import { TimeRangePicker } from './time-range-picker';
import './parameters.css';

export type ParameterInputs = Record<string, string>;

interface Props {
  specs: readonly ParameterSpec[];
  values: ParameterInputs;
  onValue: (name: string, value: string) => void;
  /** When given, each parameter's type can be changed (the workbench; a saved query's form keeps its types). */
  onType?: (name: string, type: PickableType) => void;
  /** The server's refusal of the last run, shown by each field. */
  problems?: readonly ParameterProblem[];
}

/** One field per `{{name}}` parameter, the time range as a picker; the value a field shows is what runs. */
export function ParameterForm({ specs, values, onValue, onType, problems = [] }: Props) {
  if (specs.length === 0) return null;
  const problemOf = (name: string) =>
    problems
      .filter((p) => p.parameter === name || (name === 'time' && (p.parameter === 'start' || p.parameter === 'end')))
      .map((p) => p.message)
      .join('; ') || undefined;
  const general = problems.filter((p) => !specs.some((s) => s.name === p.parameter) && !['start', 'end'].includes(p.parameter));
  return (
    <div className="param-bar" role="group" aria-label="Query parameters">
      {specs.map((s) =>
        s.type === 'timeRange' ? (
          <TimeRangePicker key={s.name} value={values[s.name] ?? String(s.default ?? '')} onChange={(v) => onValue(s.name, v)} problem={problemOf(s.name)} />
        ) : (
          <ParameterField
            key={s.name}
            spec={s}
            value={values[s.name] ?? String(s.default ?? '')}
            onValue={onValue}
            onType={onType}
            problem={problemOf(s.name)}
          />
        ),
      )}
      {general.map((p) => (
        <span key={p.parameter + p.message} className="param-problem">{`{{${p.parameter}}} ${p.message}`}</span>
      ))}
    </div>
  );
}

function ParameterField({
  spec,
  value,
  onValue,
  onType,
  problem,
}: {
  spec: ParameterSpec;
  value: string;
  onValue: Props['onValue'];
  onType: Props['onType'];
  problem?: string;
}) {
  const id = useId();
  return (
    <div className="param-field">
      <label htmlFor={id}>{spec.name}</label>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={1000}
        placeholder={TYPE_LABELS[spec.type]}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => onValue(spec.name, e.target.value)}
      />
      {onType && (
        <select aria-label={`Type of ${spec.name}`} value={spec.type} onChange={(e) => onType(spec.name, e.target.value as PickableType)}>
          {PICKABLE_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      )}
      {problem && (
        <span id={`${id}-problem`} className="param-problem">
          {problem}
        </span>
      )}
    </div>
  );
}
