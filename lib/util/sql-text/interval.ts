import { DAY_MS } from '../time';

const UNIT_MS: Record<string, number> = { millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS };
const UNIT_MONTHS: Record<string, number> = { month: 1, quarter: 3, year: 12 };

/**
 * `ms` plus `n` of a Trino unit (`'day'`, `'months'`, ...), as Trino's date_add and interval
 * arithmetic do: fixed lengths up to a week, calendar months (and quarters, years) above, a day
 * past the target month's end clamped to its last day (March 31 minus a month is February 28).
 * Undefined for a unit Trino does not know. The one reader of units for eventTime windows: the
 * lake's bounds (lib/lake/sql/time-bounds.ts) and the editor's lint (lib/workbench/lint.ts).
 */
export function addInterval(ms: number, unit: string, n: number): number | undefined {
  const u = unit.toLowerCase().replace(/s$/, '');
  if (UNIT_MS[u]) return ms + n * UNIT_MS[u];
  if (!UNIT_MONTHS[u]) return undefined;
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n * UNIT_MONTHS[u]);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.getTime();
}
