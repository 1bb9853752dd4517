import { env } from '../env';
import { bareAddress, configuredRanges, inRanges, splitList } from '../util/ip-ranges';
import { peerAddress } from './peer-address';

/**
 * Who is on the other end of a request, for rate limits and the audit log. The socket peer,
 * unless that peer is a configured trusted proxy (TRAILBENCH_TRUSTED_PROXIES): then the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy, as everything left of it was written
 * by the client and can be anything.
 */
export type HeaderGetter = (name: string) => string | null | undefined;

const trustedProxies = () => configuredRanges(env().TRAILBENCH_TRUSTED_PROXIES);

/** Whether the request reached us through a trusted proxy (whose X-Forwarded-* headers count). */
export function viaTrustedProxy(header: HeaderGetter): boolean {
  const peer = peerAddress(header);
  return !!peer && inRanges(trustedProxies(), peer);
}

/** The client's address; `unknown` when the peer cannot be known (the peer-address hook is not installed). */
export function clientAddress(header: HeaderGetter): string {
  const peer = peerAddress(header);
  if (!peer) return 'unknown';
  if (!inRanges(trustedProxies(), peer)) return normalize(peer);
  const hops = splitList(header('x-forwarded-for') ?? '').map(bareAddress);
  const client = [...hops].reverse().find((a) => !inRanges(trustedProxies(), a));
  return normalize(client ?? hops[0] ?? peer);
}

/** `::ffff:1.2.3.4` is the IPv4 client 1.2.3.4 (a dual-stack socket reports it so). */
const normalize = (a: string) =>
  bareAddress(a)
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
    .toLowerCase();

/** Node's headers object, a fetch Headers, or next-auth's plain record, as one getter. */
export function headerGetter(headers: Headers | Record<string, string | string[] | undefined> | undefined): HeaderGetter {
  if (!headers) return () => undefined;
  if (typeof (headers as Headers).get === 'function') return (n) => (headers as Headers).get(n);
  return (n) => {
    const v = (headers as Record<string, string | string[] | undefined>)[n];
    return Array.isArray(v) ? v.join(', ') : v;
  };
}
