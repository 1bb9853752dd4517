import { jodaToStrftime, mysqlToStrftime } from './date-format';
import { sqlString } from './quote';

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
}

export type FunctionSpec =
  | { kind: 'same' }
  | { kind: 'rename'; to: string }
  | { kind: 'render'; render: (c: CallInfo) => string };

const same: FunctionSpec = { kind: 'same' };
const rename = (to: string): FunctionSpec => ({ kind: 'rename', to });
const render = (fn: (c: CallInfo) => string): FunctionSpec => ({ kind: 'render', render: fn });

const formatArg = (c: CallInfo, i: number, convert = mysqlToStrftime) => {
  const lit = c.literal(i);
  return lit !== undefined ? sqlString(convert(lit)) : c.args[i];
};

/** Trino keeps the first occurrence order; DuckDB's list_distinct does not. */
const orderedDistinct = (list: string) => `list_filter(${list}, (tb_v, tb_i) -> list_position(${list}, tb_v) = tb_i)`;

const lambdaMatch = (combine: string, negate = false) =>
  render((c) => `${negate ? 'NOT ' : ''}coalesce(${combine}(list_transform(${c.args[0]}, ${c.args[1]})), ${negate ? 'false' : combine === 'list_bool_and' ? 'true' : 'false'})`);

const sameAggregates = [
  'count', 'sum', 'min', 'max', 'avg', 'count_if', 'max_by', 'min_by', 'array_agg', 'bool_and', 'bool_or',
  'stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop', 'corr', 'covar_samp', 'covar_pop',
  'geometric_mean', 'histogram', 'any_value', 'kurtosis', 'skewness', 'entropy',
];

/** Trino aggregate functions the lake accepts (the names users write). */
export const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set([...sameAggregates, 'approx_distinct', 'arbitrary', 'every', 'approx_percentile']);

const sameNames = [
  ...sameAggregates,
  // window
  'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead', 'first_value', 'last_value', 'nth_value',
  // string
  'lower', 'upper', 'length', 'concat', 'substr', 'substring', 'split_part', 'strpos', 'position', 'trim', 'ltrim',
  'rtrim', 'lpad', 'rpad', 'reverse', 'starts_with', 'chr', 'concat_ws', 'regexp_extract', 'regexp_extract_all', 'translate',
  'levenshtein', 'hamming', 'md5', 'sha256', 'to_hex', 'from_hex', 'to_base64', 'from_base64', 'ascii',
  // math
  'abs', 'ceil', 'ceiling', 'floor', 'round', 'power', 'pow', 'sqrt', 'cbrt', 'ln', 'log2', 'log10', 'exp', 'mod', 'sign',
  'greatest', 'least', 'random', 'pi', 'degrees', 'radians', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2',
  'bit_count',
  // date and time
  'now', 'date_trunc', 'date_diff', 'year', 'month', 'hour', 'minute', 'second', 'millisecond', 'quarter', 'week',
  'day', 'dayofweek', 'dayofyear',
  // arrays and maps
  'map_keys', 'map_values', 'map_entries', 'map_from_entries', 'map_concat', 'flatten', 'array_position',
  // json and misc
  'json_array_length', 'coalesce', 'nullif', 'typeof', 'uuid', 'if', 'try',
];

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
  contains: rename('list_contains'),
  array_join: render((c) => `array_to_string(${c.args.slice(0, 2).join(', ')})`),
  array_distinct: render((c) => orderedDistinct(c.args[0])),
  array_max: rename('list_max'),
  array_min: rename('list_min'),
  array_sort: rename('list_sort'),
  array_union: render((c) => orderedDistinct(`list_concat(${c.args[0]}, ${c.args[1]})`)),
  array_intersect: rename('list_intersect'),
  array_except: render((c) => `list_filter(list_distinct(${c.args[0]}), lambda tb_x: NOT list_contains(${c.args[1]}, tb_x))`),
  array_remove: render((c) => `list_filter(${c.args[0]}, lambda tb_x: tb_x IS DISTINCT FROM ${c.args[1]})`),
  slice: render((c) => `list_slice(${c.args[0]}, ${c.args[1]}, (${c.args[1]}) + (${c.args[2]}) - 1)`),
  sequence: render((c) => `generate_series(${c.args.join(', ')})`),
  cardinality: render((c) => (c.isMap(0) ? `cardinality(${c.args[0]})` : `len(${c.args[0]})`)),
  filter: rename('list_filter'),
  transform: rename('list_transform'),
  any_match: lambdaMatch('list_bool_or'),
  all_match: lambdaMatch('list_bool_and'),
  none_match: lambdaMatch('list_bool_or', true),
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
  parse_datetime: render((c) => `strptime(${c.args[0]}, ${formatArg(c, 1, jodaToStrftime)})`),
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
  json_parse: render((c) => `CAST(${c.args[0]} AS JSON)`),
  json_format: render((c) => `CAST(${c.args[0]} AS VARCHAR)`),
  json_size: rename('tb_json_size'),
  json_array_contains: render((c) => `list_contains(CAST(CAST(${c.args[0]} AS JSON) AS VARCHAR[]), CAST(${c.args[1]} AS VARCHAR))`),
  is_json_scalar: render((c) => `(json_type(CAST(${c.args[0]} AS JSON)) NOT IN ('OBJECT', 'ARRAY'))`),
  url_extract_host: rename('tb_url_extract_host'),
  to_utf8: render((c) => `encode(${c.args[0]})`),
  from_utf8: render((c) => `decode(${c.args[0]})`),
};

/** Functions known to return a map, for `cardinality`. */
export const MAP_FUNCTIONS = new Set(['map', 'map_concat', 'map_from_entries', 'histogram']);
