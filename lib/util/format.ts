// Numbers for people, the same in the browser and in server messages.

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** 1536 -> "1.5 KB" (binary multiples, as the AWS console shows scanned data). */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/**
 * Dollars to a hundredth of a cent ("$0.0123"); a smaller amount to two significant digits
 * ("$0.000032"), since a query's cost is often a tiny fraction of a cent and a budget message
 * must still say which of two amounts is larger.
 */
export function formatUsd(usd: number | undefined): string {
  if (usd === undefined || !Number.isFinite(usd)) return '—';
  if (usd <= 0 || usd >= 0.0001) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(Math.min(20, 1 - Math.floor(Math.log10(usd))))}`;
}
