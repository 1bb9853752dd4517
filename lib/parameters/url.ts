/**
 * Parameter values in a page's URL (`?p.ip=203.0.113.9&p.time=24h`), so a link reproduces a run.
 * A multi-select's items repeat the key.
 */
const PREFIX = 'p.';
/** A URL carries at most this many parameters, each of at most this many characters (the rest is ignored). */
const MAX_URL_PARAMETERS = 50;
const MAX_URL_VALUE = 1000;

export function parametersFromSearch(search: string | URLSearchParams): Record<string, string | string[]> {
  const q = typeof search === 'string' ? new URLSearchParams(search) : search;
  const out: Record<string, string | string[]> = Object.create(null);
  let count = 0;
  for (const [key, value] of q) {
    if (!key.startsWith(PREFIX) || value.length > MAX_URL_VALUE) continue;
    const name = key.slice(PREFIX.length);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const had = out[name];
    if (had === undefined) {
      if (++count > MAX_URL_PARAMETERS) break;
      out[name] = value;
    } else out[name] = [...(Array.isArray(had) ? had : [had]), value];
  }
  return out;
}

/** `search` with its parameter values replaced by `values` (other keys kept, empty values left out). */
export function withParameters(search: string, values: Readonly<Record<string, string | readonly string[]>>): string {
  const q = new URLSearchParams(search);
  for (const key of [...q.keys()]) if (key.startsWith(PREFIX)) q.delete(key);
  for (const [name, value] of Object.entries(values)) {
    for (const v of typeof value === 'string' ? [value] : value) if (v !== '') q.append(PREFIX + name, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
