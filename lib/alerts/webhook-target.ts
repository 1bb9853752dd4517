import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { env } from '../env';
import { bareAddress, configuredRanges, inRanges, ipFamily, NON_PUBLIC } from '../util/ip-ranges';

/**
 * Where alert webhooks may go: public addresses only, unless an admin allows a network with
 * TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS. Otherwise any analyst could make the server post to (and
 * probe) itself, its local network or a cloud metadata service. A host name is checked after DNS,
 * every address it resolves to, and the connection goes to the addresses checked (the lookup below
 * is the connection's own), so a name cannot resolve one way for the check and another for the
 * request.
 */
export class WebhookTargetRefused extends Error {}

const ALLOW_HINT = 'an admin can allow its network with TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS';

export function addressAllowed(address: string): boolean {
  return !inRanges(NON_PUBLIC, address) || inRanges(configuredRanges(env().TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS), address);
}

/** The refusal for a URL whose host is an address (or `localhost`), known without DNS; else undefined. */
export function literalTargetError(url: string): string | undefined {
  const host = bareAddress(new URL(url).hostname);
  if (/^localhost\.?$/i.test(host) || /\.localhost\.?$/i.test(host)) return `${host} is this server; ${ALLOW_HINT}`;
  if (ipFamily(host) && !addressAllowed(host)) return `${host} is not a public address; ${ALLOW_HINT}`;
  return undefined;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request: resolves every address, refuses the host if any is not allowed, connects only to those checked. */
export function checkedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const refused = addresses.find((a) => !addressAllowed(a.address));
    if (refused) return callback(new WebhookTargetRefused(`${hostname} resolves to ${refused.address}, not a public address; ${ALLOW_HINT}`), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
