/** Trino's MySQL-style date_format/date_parse specifiers → DuckDB strftime/strptime specifiers. */
const SPECIFIERS: Record<string, string> = {
  a: '%a',
  b: '%b',
  c: '%-m',
  d: '%d',
  e: '%-d',
  f: '%f',
  H: '%H',
  h: '%I',
  I: '%I',
  i: '%M',
  j: '%j',
  k: '%-H',
  l: '%-I',
  M: '%B',
  m: '%m',
  p: '%p',
  r: '%I:%M:%S %p',
  S: '%S',
  s: '%S',
  T: '%H:%M:%S',
  v: '%V',
  W: '%A',
  w: '%w',
  Y: '%Y',
  y: '%y',
  '%': '%%',
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

/** Joda/Java date patterns (format_datetime, parse_datetime) → strftime; quoted text stays literal. */
const JODA: [string, string][] = [
  ['yyyy', '%Y'],
  ['yy', '%y'],
  ['MMMM', '%B'],
  ['MMM', '%b'],
  ['MM', '%m'],
  ['dd', '%d'],
  ['d', '%-d'],
  ['HH', '%H'],
  ['H', '%-H'],
  ['hh', '%I'],
  ['mm', '%M'],
  ['ss', '%S'],
  ['SSS', '%g'],
  ['EEEE', '%A'],
  ['EEE', '%a'],
  ['a', '%p'],
  ['ZZ', '%z'],
  ['Z', '%z'],
  ['DDD', '%j'],
];

export function jodaToStrftime(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    if (pattern[i] === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end) || "'";
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    const hit = JODA.find(([k]) => pattern.startsWith(k, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else {
      out += pattern[i] === '%' ? '%%' : pattern[i];
      i++;
    }
  }
  return out;
}
