import { bindParameters, fillKnown } from '../parameters/bind';
import { RANGE_END, RANGE_START, type RawValue } from '../parameters/types';
import type { Detection } from './types';

/**
 * A detection as a saved query for an alert rule: every parameter filled (given values, else
 * defaults, checked and proven by bindParameters), `{{start}}` / `{{end}}` left for the rule's
 * window (lib/alerts/window.ts fills them at each run). Throws ParameterError on a bad value.
 */
export function detectionQuery(d: Detection, inputs: Readonly<Record<string, RawValue | undefined>> = {}): string {
  const range = d.parameters.find((p) => p.type === 'timeRange');
  const { values } = bindParameters(d.sql, d.parameters, range ? { ...inputs, [range.name]: '1h' } : inputs);
  values.delete(RANGE_START);
  values.delete(RANGE_END);
  return fillKnown(d.sql, values);
}
