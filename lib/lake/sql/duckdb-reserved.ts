/** DuckDB's reserved words; Trino allows some of them as plain names, so they are quoted on the way out. */
export const DUCKDB_RESERVED = new Set(
  `all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default
   deferrable desc describe distinct do else end except false fetch for foreign from grant group having in initially
   intersect into lateral leading limit not null offset on only or order pivot pivot_longer pivot_wider placing primary
   qualify references returning select show some summarize symmetric table then to trailing true union unique unpivot
   using variadic when where window with`.split(/\s+/),
);
