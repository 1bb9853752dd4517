/**
 * DuckDB macros that give Trino semantics to functions whose DuckDB namesakes differ. They are
 * created before the configuration is locked and are reachable only through the translator
 * (user SQL naming a `tb_` function is rejected: it is not a Trino function).
 */
export const trinoMacros: string[] = [
  // element_at: map value or NULL (DuckDB's returns a list), array element 1-based, negative from the end.
  `CREATE MACRO tb_element_at(x, k) AS CASE WHEN NOT starts_with(typeof(x), 'MAP') AND CAST(k AS VARCHAR) = '0' THEN error('SQL array indices start at 1') ELSE x[k] END`,
  // Division and modulus by zero fail as in Trino. Trino gives Infinity/NaN for doubles; DuckDB can only give NULL, so the lake fails those too.
  `CREATE MACRO tb_zero_check(a, b) AS CASE WHEN b = 0 AND a IS NOT NULL THEN error(CASE WHEN typeof(a) IN ('DOUBLE', 'FLOAT') OR typeof(b) IN ('DOUBLE', 'FLOAT')
     THEN 'Division by zero (Trino returns Infinity or NaN for a double; the lake cannot)' ELSE 'Division by zero' END) ELSE b END`,
  `CREATE MACRO tb_div(a, b) AS a / tb_zero_check(a, b)`,
  `CREATE MACRO tb_mod(a, b) AS a % tb_zero_check(a, b)`,
  // substr: 1-based, negative from the end; position 0, a length <= 0 or a start outside the string give ''.
  `CREATE MACRO tb_substr(s, start) AS CASE WHEN s IS NULL OR start IS NULL THEN NULL WHEN start = 0 OR start < -length(s) THEN '' ELSE substring(s, start) END,
     (s, start, n) AS CASE WHEN s IS NULL OR start IS NULL OR n IS NULL THEN NULL WHEN start = 0 OR n <= 0 OR start < -length(s) THEN '' ELSE substring(s, start, n) END`,
  `CREATE MACRO tb_split_part(s, d, i) AS CASE WHEN i <= 0 THEN error('Index must be greater than zero')
     WHEN i > len(string_split(s, d)) THEN NULL ELSE split_part(s, d, i) END`,
  // No match is NULL (DuckDB: '').
  `CREATE MACRO tb_regexp_extract(s, p) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p) END,
     (s, p, g) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p, g) END`,
  // Trino's lower-case type names; a timestamp is the lake's millisecond timestamp(3).
  `CREATE MACRO tb_typeof(x) AS CASE typeof(x) WHEN '"NULL"' THEN 'unknown' WHEN 'INTERVAL' THEN 'interval day to second' ELSE
     regexp_replace(replace(replace(replace(replace(replace(replace(replace(lower(typeof(x)), 'timestamp with time zone', 'tb_tz'),
       'timestamp', 'timestamp(3)'), 'tb_tz', 'timestamp(3) with time zone'), 'float', 'real'), 'blob', 'varbinary'), 'hugeint', 'bigint'), 'struct(', 'row('),
       '([a-z]+(\\([0-9,]+\\))?)\\[\\]', 'array(\\1)', 'g') END`,
  // Trino: NULL when any element is NULL (DuckDB skips NULLs).
  `CREATE MACRO tb_array_max(a) AS CASE WHEN list_count(a) < len(a) THEN NULL ELSE list_max(a) END`,
  `CREATE MACRO tb_array_min(a) AS CASE WHEN list_count(a) < len(a) THEN NULL ELSE list_min(a) END`,
  // contains: NULL when not found but the array holds a NULL (it might be the one).
  `CREATE MACRO tb_contains(a, x) AS CASE WHEN a IS NULL OR x IS NULL THEN NULL WHEN list_contains(a, x) THEN true
     WHEN list_count(a) < len(a) THEN NULL ELSE false END`,
  `CREATE MACRO tb_array_position(a, x) AS CASE WHEN a IS NULL OR x IS NULL THEN NULL ELSE coalesce(list_position(a, x), 0) END`,
  `CREATE MACRO tb_any_match(t) AS CASE WHEN t IS NULL THEN NULL WHEN list_bool_or(t) THEN true WHEN list_count(t) < len(t) THEN NULL ELSE false END`,
  `CREATE MACRO tb_all_match(t) AS CASE WHEN t IS NULL THEN NULL WHEN NOT list_bool_and(t) THEN false WHEN list_count(t) < len(t) THEN NULL ELSE true END`,
  `CREATE MACRO tb_none_match(t) AS CASE WHEN t IS NULL THEN NULL WHEN list_bool_or(t) THEN false WHEN list_count(t) < len(t) THEN NULL ELSE true END`,
  // bit_count(x, bits): ones in x's two's complement of that many bits.
  `CREATE MACRO tb_bit_count(x, bits) AS CASE WHEN bits = 64 THEN bit_count(CAST(x AS BIGINT))
     ELSE bit_count(CAST(x AS BIGINT) & ((CAST(1 AS BIGINT) << bits) - 1)) END`,
  // Not a JSON array (or not JSON): NULL.
  `CREATE MACRO tb_json_array_length(j) AS CASE WHEN json_valid(j) THEN CASE WHEN json_type(CAST(j AS JSON)) = 'ARRAY' THEN json_array_length(CAST(j AS JSON)) END END`,
  // date_add('day', -7, ts): Trino's argument order; keeps the input's type.
  `CREATE MACRO tb_interval(unit, n) AS CASE lower(unit)
     WHEN 'millisecond' THEN to_milliseconds(n) WHEN 'second' THEN to_seconds(n)
     WHEN 'minute' THEN to_minutes(n) WHEN 'hour' THEN to_hours(n) WHEN 'day' THEN to_days(n)
     WHEN 'week' THEN to_weeks(n) WHEN 'month' THEN to_months(n) WHEN 'quarter' THEN to_months(3 * n)
     WHEN 'year' THEN to_years(n) ELSE error('Invalid unit for date_add: ' || unit) END`,
  `CREATE MACRO tb_date_add(unit, n, ts) AS ts + tb_interval(unit, n)`,
  // json_extract_scalar returns NULL for objects and arrays, text for scalars.
  // Text that is not JSON gives NULL, as in Trino.
  `CREATE MACRO tb_json_extract_scalar(j, p) AS CASE WHEN json_valid(j) THEN CASE WHEN json_type(CAST(j AS JSON), p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(CAST(j AS JSON), p) END END`,
  `CREATE MACRO tb_json_extract(j, p) AS CASE WHEN json_valid(j) THEN json_extract(CAST(j AS JSON), p) END`,
  // json_array_get is 0-based; negative indexes count from the end.
  `CREATE MACRO tb_json_array_get(j, i) AS json_extract(CAST(j AS JSON), CASE WHEN i < 0 THEN '$[#' || i || ']' ELSE '$[' || i || ']' END)`,
  `CREATE MACRO tb_json_size(j, p) AS CASE WHEN json_valid(j) THEN CASE json_type(CAST(j AS JSON), p) WHEN 'ARRAY' THEN json_array_length(CAST(j AS JSON), p)
     WHEN 'OBJECT' THEN len(json_keys(CAST(j AS JSON), p)) ELSE CASE WHEN json_type(CAST(j AS JSON), p) IS NOT NULL THEN 0 END END END`,
  // Both return timestamp(3) with time zone in Trino, printed in the session zone (UTC); an input's own offset is not kept.
  `CREATE MACRO tb_from_iso8601(s) AS CAST(s AS TIMESTAMPTZ)`,
  `CREATE MACRO tb_from_unixtime(x) AS to_timestamp(CAST(x AS DOUBLE))`,
  // A timestamp without zone prints none; with a zone (UTC here) it ends in Z; a date is just the date.
  `CREATE MACRO tb_to_iso8601(ts) AS CASE typeof(ts) WHEN 'DATE' THEN strftime(CAST(ts AS DATE), '%Y-%m-%d')
     WHEN 'TIMESTAMP WITH TIME ZONE' THEN strftime(CAST(ts AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ') ELSE strftime(CAST(ts AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%g') END`,
  `CREATE MACRO tb_last_day_of_month(ts) AS last_day(CAST(ts AS DATE))`,
  // CAST(json AS varchar) gives a JSON string's value (not its quoted text), NULL for JSON null.
  // Timestamps keep Trino's milliseconds (DuckDB drops a zero fraction).
  `CREATE MACRO tb_varchar(x) AS CASE WHEN typeof(x) = 'JSON' THEN json_extract_string(CAST(x AS JSON), '$')
     WHEN typeof(x) = 'TIMESTAMP' THEN strftime(CAST(x AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%g')
     WHEN typeof(x) = 'TIMESTAMP WITH TIME ZONE' THEN strftime(CAST(x AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%g UTC') ELSE CAST(x AS VARCHAR) END`,
  `CREATE MACRO tb_url_extract_host(u) AS nullif(regexp_extract(u, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)', 1), '')`,
  `CREATE MACRO tb_cbrt(x) AS CASE WHEN CAST(x AS DOUBLE) = 0 THEN CAST(x AS DOUBLE)
     ELSE cbrt(CAST(x AS DOUBLE)) - (cbrt(CAST(x AS DOUBLE)) ** 3 - CAST(x AS DOUBLE)) / (3 * cbrt(CAST(x AS DOUBLE)) ** 2) END`,
];
