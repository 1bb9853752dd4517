/** Failed sign-ins per key (email and address) in a sliding window; in memory, per server process. */
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;
/** Per client address the limit is higher: many people can share one (NAT, a proxy). */
export const MAX_FAILURES_PER_ADDRESS = 50;
const failures = new Map<string, number[]>();

export function isLimited(key: string, max = MAX_FAILURES, now = Date.now()): boolean {
  const recent = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  failures.set(key, recent);
  return recent.length >= max;
}

export function recordFailure(key: string, now = Date.now()): void {
  failures.set(key, [...(failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS), now]);
}

export function clearFailures(key: string): void {
  failures.delete(key);
}
