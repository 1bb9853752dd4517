/** Runs `fn` with `Date.now` reading `ms` later than the real clock (timers are not touched). */
export async function withClockAhead<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const now = Date.now;
  const at = now() + ms;
  Date.now = () => at;
  try {
    return await fn();
  } finally {
    Date.now = now;
  }
}
