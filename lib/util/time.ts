/** Milliseconds in a UTC day (no leap seconds, as in Unix time and Trino's timestamp arithmetic). */
export const DAY_MS = 86_400_000;
