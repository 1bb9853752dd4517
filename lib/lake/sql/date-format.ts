/** Trino's MySQL-style date_format/date_parse specifiers → DuckDB strftime/strptime specifiers. */
const SPECIFIERS: Record<string, string> = {
  a: '%a', b: '%b', c: '%-m', d: '%d', e: '%-d', f: '%f', H: '%H', h: '%I', I: '%I', i: '%M',
  j: '%j', k: '%-H', l: '%-I', M: '%B', m: '%m', p: '%p', r: '%I:%M:%S %p', S: '%S', s: '%S',
  T: '%H:%M:%S', v: '%V', W: '%A', w: '%w', Y: '%Y', y: '%y', '%': '%%',
};

export function mysqlToStrftime(format: string): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '%' && i + 1 < format.length) {
      const spec = format[++i];
      out += SPECIFIERS[spec] ?? spec; // unknown specifiers print the letter, as Trino does
    } else {
      out += ch;
    }
  }
  return out;
}
