import { jodaToStrftime, mysqlToStrftime } from './date-format';
import { sqlString } from '../../util/sql-text/quote';

/**
 * The Trino functions the lake accepts and how each becomes DuckDB. A function missing here is
 * rejected as "not registered", which is also what keeps DuckDB-only functions (file readers,
 * settings, environment) out of reach of user SQL.
 */
export interface CallInfo {
  /** Emitted argument SQL. */
  args: string[];
  /** The argument as written when it is a plain string literal, else undefined. */
  literal(i: number): string | undefined;
  /** Whether argument i is known to be a map (a map column or a map-valued call). */
  isMap(i: number): boolean;
  /** Whether argument i is known to be an array (an ARRAY[...] constructor, an array column or an array-valued call). */
  isArray(i: number): boolean;
}

export type FunctionSpec = { kind: 'same' } | { kind: 'rename'; to: string } | { kind: 'render'; render: (c: CallInfo) => string };

const same: FunctionSpec = { kind: 'same' };
const rename = (to: string): FunctionSpec => ({ kind: 'rename', to });
const render = (fn: (c: CallInfo) => string): FunctionSpec => ({ kind: 'render', render: fn });

const formatArg = (c: CallInfo, i: number, convert = mysqlToStrftime) => {
  const lit = c.literal(i);
  return lit !== undefined ? sqlString(convert(lit)) : c.args[i];
};

/** Trino keeps the first occurrence order; DuckDB's list_distinct does not. */
const orderedDistinct = (list: string) => `list_filter(${list}, (tb_v, tb_i) -> list_position(${list}, tb_v) = tb_i)`;

/** any/all/none_match: three-valued over the predicate's results (a NULL result makes an undecided answer NULL). */
const lambdaMatch = (macro: string) => render((c) => `${macro}(list_transform(${c.args[0]}, ${c.args[1]}))`);

const sameAggregates = [
  'count',
  'sum',
  'min',
  'max',
  'avg',
  'max_by',
  'min_by',
  'array_agg',
  'bool_and',
  'bool_or',
  'stddev',
  'stddev_samp',
  'stddev_pop',
  'variance',
  'var_samp',
  'var_pop',
  'covar_samp',
  'covar_pop',
  'geometric_mean',
  'histogram',
  'any_value',
  'kurtosis',
  'skewness',
];

/** Trino aggregate functions the lake accepts (the names users write). */
export const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set([
  ...sameAggregates,
  'approx_distinct',
  'arbitrary',
  'every',
  'approx_percentile',
  'count_if',
  'corr',
]);

const sameNames = [
  ...sameAggregates,
  // window
  'row_number',
  'rank',
  'dense_rank',
  'percent_rank',
  'cume_dist',
  'ntile',
  'lag',
  'lead',
  'first_value',
  'last_value',
  'nth_value',
  // string
  'lower',
  'upper',
  'length',
  'strpos',
  'position',
  'trim',
  'ltrim',
  'rtrim',
  'lpad',
  'rpad',
  'starts_with',
  'chr',
  'concat_ws',
  'regexp_extract_all',
  'translate',
  'from_base64',
  // math
  'abs',
  'ceil',
  'ceiling',
  'floor',
  'round',
  'power',
  'pow',
  'sqrt',
  'ln',
  'log2',
  'log10',
  'exp',
  'random',
  'pi',
  'degrees',
  'radians',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  // date and time
  'now',
  'date_trunc',
  'year',
  'month',
  'hour',
  'minute',
  'second',
  'quarter',
  'week',
  'day',
  // arrays and maps
  'map_keys',
  'map_values',
  'map_entries',
  'map_from_entries',
  'map_concat',
  'flatten',
  // misc
  'coalesce',
  'nullif',
  'uuid',
];

/** Trino's greatest/least are NULL when any argument is; DuckDB's skip NULLs. */
const nullIfAnyNull = (fn: string) =>
  render((c) => `CASE WHEN ${c.args.map((a) => `(${a}) IS NULL`).join(' OR ')} THEN NULL ELSE ${fn}(${c.args.join(', ')}) END`);

/** A call Trino refuses at analysis time, with Trino's message. */
export class FunctionUsageError extends Error {}

export const FUNCTIONS: Record<string, FunctionSpec> = {
  ...Object.fromEntries(sameNames.map((n) => [n, same])),
  approx_distinct: rename('approx_count_distinct'),
  zip: rename('list_zip'),
  infinity: render(() => `CAST('Infinity' AS DOUBLE)`),
  nan: render(() => `CAST('NaN' AS DOUBLE)`),
  arbitrary: rename('any_value'),
  every: rename('bool_and'),
  approx_percentile: rename('approx_quantile'),
  levenshtein_distance: rename('levenshtein'),
  // Trino's concat is NULL when any argument is NULL, as `||` is in DuckDB (DuckDB's concat skips NULLs).
  concat: render((c) => {
    if (c.args.length < 2) throw new FunctionUsageError('There must be two or more concatenation arguments');
    return `(${c.args.map((a) => `(${a})`).join(' || ')})`;
  }),
  substr: rename('tb_substr'),
  substring: rename('tb_substr'),
  split_part: rename('tb_split_part'),
  regexp_extract: rename('tb_regexp_extract'),
  // Trino counts whole units elapsed (10:00:30 → 10:08:00 is 7 minutes); DuckDB's date_diff counts boundaries crossed.
  date_diff: rename('date_sub'),
  millisecond: render((c) => `(millisecond(${c.args[0]}) % 1000)`),
  typeof: render((c) => {
    const lit = c.literal(0);
    return lit !== undefined ? sqlString(`varchar(${[...lit].length})`) : `tb_typeof(${c.args[0]})`;
  }),
  mod: rename('tb_mod'),
  // DuckDB's cbrt is pow(x, 1/3) (cbrt(27) = 3.0000000000000004); one Newton step lands on Java's exact root.
  cbrt: rename('tb_cbrt'),
  count_if: render((c) => `coalesce(count_if(${c.args[0]}), 0)`),
  // Trino: NULL for fewer than two pairs (DuckDB: NaN).
  corr: render((c) => `CASE WHEN regr_count(${c.args[1]}, ${c.args[0]}) > 1 THEN corr(${c.args[0]}, ${c.args[1]}) END`),
  reverse: render((c) => (c.isArray(0) ? `list_reverse(${c.args[0]})` : `reverse(${c.args[0]})`)),
  // sign keeps its argument's type (DuckDB's is always TINYINT): sign(-5.5e0) is -1.0.
  sign: render((c) => `((${c.args[0]}) * 0 + sign(${c.args[0]}))`),
  greatest: nullIfAnyNull('greatest'),
  least: nullIfAnyNull('least'),
  bit_count: rename('tb_bit_count'),
  try: render((c) => `try(${c.args[0]})`),
  if: render((c) => `CASE WHEN ${c.args[0]} THEN ${c.args[1]}${c.args[2] !== undefined ? ` ELSE ${c.args[2]}` : ''} END`),
  md5: render((c) => `unhex(md5(${c.args[0]}))`),
  sha256: render((c) => `unhex(sha256(${c.args[0]}))`),
  to_hex: render((c) => `hex(${c.args[0]})`),
  from_hex: render((c) => `unhex(${c.args[0]})`),
  to_base64: render((c) => `base64(${c.args[0]})`),
  array_position: rename('tb_array_position'),
  json_array_length: rename('tb_json_array_length'),
  hamming_distance: rename('hamming'),
  truncate: rename('trunc'),
  rand: rename('random'),
  is_nan: rename('isnan'),
  is_finite: rename('isfinite'),
  is_infinite: rename('isinf'),
  day_of_week: rename('isodow'),
  dow: rename('isodow'),
  day_of_month: rename('day'),
  day_of_year: rename('dayofyear'),
  doy: rename('dayofyear'),
  week_of_year: rename('week'),
  year_of_week: rename('isoyear'),
  yow: rename('isoyear'),
  split: rename('string_split'),
  regexp_like: rename('regexp_matches'),
  regexp_count: render((c) => `len(regexp_extract_all(${c.args[0]}, ${c.args[1]}))`),
  regexp_split: rename('regexp_split_to_array'),
  element_at: rename('tb_element_at'),
  contains: rename('tb_contains'),
  array_join: render((c) =>
    c.args[2] === undefined
      ? `array_to_string(${c.args[0]}, ${c.args[1]})`
      : `array_to_string(list_transform(${c.args[0]}, tb_x -> coalesce(CAST(tb_x AS VARCHAR), ${c.args[2]})), ${c.args[1]})`,
  ),
  array_distinct: render((c) => orderedDistinct(c.args[0])),
  array_max: rename('tb_array_max'),
  array_min: rename('tb_array_min'),
  array_sort: rename('list_sort'),
  array_union: render((c) => orderedDistinct(`list_concat(${c.args[0]}, ${c.args[1]})`)),
  array_intersect: rename('list_intersect'),
  array_except: render((c) => `list_filter(${orderedDistinct(c.args[0])}, lambda tb_x: NOT list_contains(${c.args[1]}, tb_x))`),
  array_remove: render((c) => `list_filter(${c.args[0]}, lambda tb_x: tb_x IS DISTINCT FROM ${c.args[1]})`),
  slice: render((c) => `list_slice(${c.args[0]}, ${c.args[1]}, (${c.args[1]}) + (${c.args[2]}) - 1)`),
  // Without a step Trino counts down when start > stop; DuckDB returns an empty list.
  sequence: render((c) => `generate_series(${c.args[0]}, ${c.args[1]}, ${c.args[2] ?? `CASE WHEN (${c.args[0]}) <= (${c.args[1]}) THEN 1 ELSE -1 END`})`),
  cardinality: render((c) => (c.isMap(0) ? `cardinality(${c.args[0]})` : `len(${c.args[0]})`)),
  filter: rename('list_filter'),
  transform: rename('list_transform'),
  any_match: lambdaMatch('tb_any_match'),
  all_match: lambdaMatch('tb_all_match'),
  none_match: lambdaMatch('tb_none_match'),
  map: render((c) => (c.args.length === 0 ? 'MAP {}' : `map(${c.args.join(', ')})`)),
  replace: render((c) => `replace(${c.args[0]}, ${c.args[1]}, ${c.args[2] ?? "''"})`),
  regexp_replace: render((c) => {
    const lit = c.literal(2);
    // Trino replaces every match and writes groups as $1; DuckDB needs the 'g' flag and \1.
    const replacement = lit !== undefined ? sqlString(lit.replace(/\$(\d)/g, '\\$1')) : (c.args[2] ?? "''");
    return `regexp_replace(${c.args[0]}, ${c.args[1]}, ${replacement}, 'g')`;
  }),
  ends_with: render((c) => `suffix(${c.args[0]}, ${c.args[1]})`),
  current_timezone: render(() => `'UTC'`),
  date: render((c) => `CAST(${c.args[0]} AS DATE)`),
  date_add: rename('tb_date_add'),
  date_format: render((c) => `strftime(${c.args[0]}, ${formatArg(c, 1)})`),
  date_parse: render((c) => `strptime(${c.args[0]}, ${formatArg(c, 1)})`),
  format_datetime: render((c) => `strftime(${c.args[0]}, ${formatArg(c, 1, jodaToStrftime)})`),
  parse_datetime: render((c) => `CAST(strptime(${c.args[0]}, ${formatArg(c, 1, jodaToStrftime)}) AS TIMESTAMPTZ)`),
  codepoint: rename('unicode'),
  from_iso8601_timestamp: rename('tb_from_iso8601'),
  from_iso8601_date: render((c) => `CAST(${c.args[0]} AS DATE)`),
  from_unixtime: rename('tb_from_unixtime'),
  to_unixtime: render((c) => `epoch(${c.args[0]})`),
  to_iso8601: rename('tb_to_iso8601'),
  last_day_of_month: rename('tb_last_day_of_month'),
  json_extract: rename('tb_json_extract'),
  json_extract_scalar: rename('tb_json_extract_scalar'),
  json_array_get: rename('tb_json_array_get'),
  json_parse: render((c) => `json(${c.args[0]})`),
  json_format: render((c) => `CAST(${c.args[0]} AS VARCHAR)`),
  json_size: rename('tb_json_size'),
  json_array_contains: render((c) => `list_contains(CAST(CAST(${c.args[0]} AS JSON) AS VARCHAR[]), CAST(${c.args[1]} AS VARCHAR))`),
  is_json_scalar: render((c) => `(json_type(CAST(${c.args[0]} AS JSON)) NOT IN ('OBJECT', 'ARRAY'))`),
  url_extract_host: rename('tb_url_extract_host'),
  to_utf8: render((c) => `encode(${c.args[0]})`),
  from_utf8: render((c) => `decode(${c.args[0]})`),
};

/** Functions known to return an array, for `reverse`. */
export const ARRAY_FUNCTIONS = new Set([
  'split',
  'regexp_extract_all',
  'regexp_split',
  'array_agg',
  'array_distinct',
  'array_sort',
  'array_union',
  'array_intersect',
  'array_except',
  'array_remove',
  'slice',
  'sequence',
  'flatten',
  'filter',
  'transform',
  'map_keys',
  'map_values',
  'zip',
  'reverse',
]);
/** Functions known to return a map, for `cardinality`. */
export const MAP_FUNCTIONS = new Set(['map', 'map_concat', 'map_from_entries', 'histogram']);
