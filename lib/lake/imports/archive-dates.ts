/** Dates in a trail archive's paths: `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<file>`. */

/**
 * Whether a directory (path or S3 prefix) is an archive date folder — `.../YYYY`, `.../YYYY/MM` or
 * `.../YYYY/MM/DD` — all of whose days are before `since` (YYYY-MM-DD).
 */
export function datedBefore(dir: string, since: string): boolean {
  const m = /(?:^|\/)(\d{4})(?:\/(0[1-9]|1[0-2])(?:\/(0[1-9]|[12]\d|3[01]))?)?\/?$/.exec(dir);
  if (!m) return false;
  const partial = [m[1], m[2], m[3]].filter(Boolean).join('-');
  return partial < since.slice(0, partial.length);
}

/** The UTC day in an archive path (`.../2024/05/01/...`), for StartEventTime/EndEventTime. */
export function dayOfPath(location: string): string | undefined {
  const m = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(location);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The part of an archive path before its `YYYY/MM/DD/` (a region's folder in a trail's layout), or undefined. */
export function dateRootOf(location: string): string | undefined {
  return /^(.*\/)\d{4}\/\d{2}\/\d{2}\//.exec(location)?.[1];
}
