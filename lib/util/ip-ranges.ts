import { BlockList, isIP } from 'node:net';

/**
 * IP address ranges (CIDR lists from configuration, the non-public ranges webhooks may not reach)
 * as Node's BlockList, which also matches IPv4-mapped IPv6 (`::ffff:127.0.0.1`) against IPv4 ranges.
 */
export type AddressRanges = BlockList;

/** `[::1]` (a URL's hostname) and `fe80::1%eth0` (a zone) reduced to the bare address. */
export const bareAddress = (a: string) => a.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');

export const ipFamily = (a: string): 'ipv4' | 'ipv6' | undefined => (({ 4: 'ipv4', 6: 'ipv6' }) as const)[isIP(bareAddress(a)) as 4 | 6];

/** The problem with one entry of a CIDR list (`10.0.0.0/8`, `2001:db8::/32`, or a single address), if any. */
export function cidrError(entry: string): string | undefined {
  const [addr, bits, extra] = entry.split('/');
  const family = ipFamily(addr);
  if (!family || extra !== undefined) return `'${entry}' is not an IP address or CIDR range`;
  if (bits === undefined) return undefined;
  const max = family === 'ipv4' ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max ? undefined : `'${entry}' has a prefix length outside 0-${max}`;
}

export const splitList = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Ranges from a comma-separated CIDR list (already validated by lib/env.ts). */
export function parseRanges(list: string | string[] | undefined): AddressRanges {
  const ranges = new BlockList();
  for (const entry of Array.isArray(list) ? list : splitList(list)) {
    const [addr, bits] = entry.split('/');
    const family = ipFamily(addr)!;
    ranges.addSubnet(bareAddress(addr), bits === undefined ? (family === 'ipv4' ? 32 : 128) : Number(bits), family);
  }
  return ranges;
}

const parsed = new Map<string, AddressRanges>();

/** The ranges of a configured list, parsed once. */
export function configuredRanges(list: string): AddressRanges {
  let ranges = parsed.get(list);
  if (!ranges) parsed.set(list, (ranges = parseRanges(list)));
  return ranges;
}

export function inRanges(ranges: AddressRanges, address: string): boolean {
  const family = ipFamily(address);
  return !!family && ranges.check(bareAddress(address), family);
}

/**
 * Addresses that are not the public internet: this host, the local networks and cloud metadata
 * services, shared and reserved space, multicast (IPv4-mapped IPv6 is matched against the IPv4 ranges), and the IPv6 transition ranges that can carry
 * any of those inside them (NAT64, 6to4, Teredo).
 */
export const NON_PUBLIC = parseRanges([
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  '::1/128',
  '64:ff9b::/96',
  '64:ff9b:1::/48',
  '100::/64',
  '2001::/32',
  '2001:db8::/32',
  '2002::/16',
  'fc00::/7',
  'fe80::/10',
  'fec0::/10',
  'ff00::/8',
]);
