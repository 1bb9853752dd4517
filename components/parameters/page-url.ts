import type { ParameterSpec } from '@/lib/parameters/types';
import { parametersFromSearch, withParameters } from '@/lib/parameters/url';

/** The parameter values the page's URL carries (`?p.ip=...`); a list's items joined by commas, as a field holds them. */
export function valuesFromPageUrl(): Record<string, string> {
  return Object.fromEntries(Object.entries(parametersFromSearch(window.location.search)).map(([k, v]) => [k, typeof v === 'string' ? v : v.join(',')]));
}

/** The values typed for these parameters; with `inUrl`, the page's URL then carries them, so a link reproduces the run. */
export function valuesForRun(specs: readonly ParameterSpec[], typed: Readonly<Record<string, string>>, inUrl = true): Record<string, string> {
  const used = Object.fromEntries(specs.filter((s) => Object.hasOwn(typed, s.name)).map((s) => [s.name, typed[s.name]]));
  if (inUrl) window.history.replaceState(window.history.state, '', window.location.pathname + withParameters(window.location.search, used));
  return used;
}
