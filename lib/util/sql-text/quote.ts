/** The one way the lake writes a value or a name into DuckDB SQL it generates. */
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Always double-quoted: DuckDB matches quoted names case-insensitively, as Trino does. */
export const sqlIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
