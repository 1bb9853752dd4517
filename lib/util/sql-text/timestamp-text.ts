import { DAY_MS } from '../time';

/**
 * A timestamp literal as the lake reads it (UTC unless a zone is given): date only, space or T,
 * optional fraction and zone. Shared by the lake's translator and the editor's lint (no parser needed).
 */
export function parseTimestampText(s: string): number | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?\s*$/i.exec(s);
  if (!m) return undefined;
  const time = m[2] ? (m[2].length === 4 ? '0' + m[2] : m[2]) : '00:00:00';
  let zone = m[3] ? m[3].toUpperCase() : 'Z';
  if (zone === 'UTC') zone = 'Z';
  else if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = zone.slice(0, 3) + ':' + zone.slice(3);
  const ms = Date.parse(`${m[1]}T${time}${zone}`);
  return Number.isFinite(ms) ? ms : undefined;
}

/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years written with four digits. */
const FOUR_DIGIT_YEARS = [-62_167_219_200_000, 253_402_300_800_000];
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/**
 * Epoch milliseconds as the lake writes and prints a timestamp: `YYYY-MM-DD HH:MM:SS.mmm` in UTC
 * (longer past year 9999). Computed with integer arithmetic (Hinnant's days-to-civil): an import
 * formats one per event, and going through `Date#toISOString` cost a few percent of it.
 */
export function utcTimestampText(ms: number): string {
  if (!(ms >= FOUR_DIGIT_YEARS[0] && ms < FOUR_DIGIT_YEARS[1]) || !Number.isInteger(ms)) {
    return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  }
  const days = Math.floor(ms / DAY_MS);
  const inDay = ms - days * DAY_MS;
  const z = days + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const secs = Math.floor(inDay / 1000);
  const milli = inDay - secs * 1000;
  return (
    `${TWO_DIGITS[Math.floor(year / 100)]}${TWO_DIGITS[year % 100]}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]} ` +
    `${TWO_DIGITS[Math.floor(secs / 3600)]}:${TWO_DIGITS[Math.floor(secs / 60) % 60]}:${TWO_DIGITS[secs % 60]}.` +
    `${milli < 100 ? (milli < 10 ? '00' : '0') : ''}${milli}`
  );
}
