'use client';

import { useId } from 'react';

/** The presets a time range offers; each is a value lib/parameters reads (`15m` … `30d`). */
const PRESETS = [
  { value: '15m', label: 'Last 15 minutes' },
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
] as const;
const CUSTOM = 'custom';

/** `YYYY-MM-DD HH:MM[:SS]` read as UTC, for showing the local time beside it; undefined when not that. */
function utcMs(text: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/.exec(text.trim());
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00'}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

const localText = (text: string) => {
  const ms = utcMs(text);
  return ms === undefined ? '' : `local ${new Date(ms).toLocaleString()}`;
};

/** `{{start}}`/`{{end}}` as one time range: a preset, or a custom START/END in UTC with local time shown. */
export function TimeRangePicker({ value, onChange, problem }: { value: string; onChange: (v: string) => void; problem?: string }) {
  const id = useId();
  const preset = PRESETS.some((p) => p.value === value) ? value : CUSTOM;
  const [start = '', end = ''] = preset === CUSTOM ? value.split('/') : [];
  const setCustom = (s: string, e: string) => onChange(`${s}/${e}`);
  return (
    <div className="param-field param-time">
      <label htmlFor={id}>Time range</label>
      <select
        id={id}
        value={preset}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          if (e.target.value !== CUSTOM) return onChange(e.target.value);
          // a custom range starts as the last 24 hours, in UTC, for editing
          const now = Date.now();
          const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
          setCustom(fmt(now - 86_400_000), fmt(now));
        }}
      >
        {PRESETS.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
        <option value={CUSTOM}>Custom (UTC)</option>
      </select>
      {preset === CUSTOM && (
        <>
          <label>
            From (UTC)
            <input type="text" value={start} placeholder="YYYY-MM-DD HH:MM" maxLength={40} onChange={(e) => setCustom(e.target.value, end)} />
            <output className="muted">{localText(start)}</output>
          </label>
          <label>
            To (UTC)
            <input type="text" value={end} placeholder="YYYY-MM-DD HH:MM" maxLength={40} onChange={(e) => setCustom(start, e.target.value)} />
            <output className="muted">{localText(end)}</output>
          </label>
        </>
      )}
      {problem && (
        <span id={`${id}-problem`} className="param-problem">
          {problem}
        </span>
      )}
    </div>
  );
}
