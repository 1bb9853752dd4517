/**
 * DuckDB macros that give Trino semantics to functions whose DuckDB namesakes differ. They are
 * created before the configuration is locked and are reachable only through the translator
 * (user SQL naming a `tb_` function is rejected: it is not a Trino function).
 */
export const trinoMacros: string[] = [
  // element_at: map value or NULL (DuckDB's returns a list), array element 1-based, negative from the end.
  `CREATE MACRO tb_element_at(x, k) AS x[k]`,
  // date_add('day', -7, ts): Trino's argument order; keeps the input's type.
  `CREATE MACRO tb_interval(unit, n) AS CASE lower(unit)
     WHEN 'millisecond' THEN to_milliseconds(n) WHEN 'second' THEN to_seconds(n)
     WHEN 'minute' THEN to_minutes(n) WHEN 'hour' THEN to_hours(n) WHEN 'day' THEN to_days(n)
     WHEN 'week' THEN to_weeks(n) WHEN 'month' THEN to_months(n) WHEN 'quarter' THEN to_months(3 * n)
     WHEN 'year' THEN to_years(n) ELSE error('Invalid unit for date_add: ' || unit) END`,
  `CREATE MACRO tb_date_add(unit, n, ts) AS ts + tb_interval(unit, n)`,
  // json_extract_scalar returns NULL for objects and arrays, text for scalars.
  `CREATE MACRO tb_json_extract_scalar(j, p) AS CASE WHEN json_type(CAST(j AS JSON), p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(CAST(j AS JSON), p) END`,
  `CREATE MACRO tb_json_extract(j, p) AS json_extract(CAST(j AS JSON), p)`,
  // json_array_get is 0-based; negative indexes count from the end.
  `CREATE MACRO tb_json_array_get(j, i) AS json_extract(CAST(j AS JSON), CASE WHEN i < 0 THEN '$[#' || i || ']' ELSE '$[' || i || ']' END)`,
  `CREATE MACRO tb_json_size(j, p) AS CASE json_type(CAST(j AS JSON), p) WHEN 'ARRAY' THEN json_array_length(CAST(j AS JSON), p) WHEN 'OBJECT' THEN len(json_keys(CAST(j AS JSON), p)) ELSE 0 END`,
  // from_iso8601_timestamp keeps the instant; the lake's timestamps are UTC without zone.
  `CREATE MACRO tb_from_iso8601(s) AS CAST(CAST(s AS TIMESTAMPTZ) AS TIMESTAMP)`,
  `CREATE MACRO tb_from_unixtime(x) AS CAST(to_timestamp(CAST(x AS DOUBLE)) AS TIMESTAMP)`,
  `CREATE MACRO tb_to_iso8601(ts) AS strftime(CAST(ts AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ')`,
  `CREATE MACRO tb_last_day_of_month(ts) AS last_day(CAST(ts AS DATE))`,
  // CAST(json AS varchar) gives a JSON string's value (not its quoted text), NULL for JSON null.
  // Timestamps keep Trino's milliseconds (DuckDB drops a zero fraction).
  `CREATE MACRO tb_varchar(x) AS CASE WHEN typeof(x) = 'JSON' THEN json_extract_string(CAST(x AS JSON), '$')
     WHEN typeof(x) = 'TIMESTAMP' THEN strftime(CAST(x AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%g')
     WHEN typeof(x) = 'TIMESTAMP WITH TIME ZONE' THEN strftime(CAST(x AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%g UTC') ELSE CAST(x AS VARCHAR) END`,
  `CREATE MACRO tb_url_extract_host(u) AS regexp_extract(u, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)', 1)`,
];
