import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The TCP peer of a request. Route handlers see only headers, and `next start` fills
 * X-Forwarded-For from the socket only when the client sent none (so the client chooses it).
 * Node announces every request on a diagnostics channel before the server handles it; there we
 * stamp the socket's address into our own header, replacing any value a client sent. The mark on
 * globalThis says the stamp is in place in this process (without it the header proves nothing).
 */
export const PEER_HEADER = 'x-trailbench-peer-address';
const INSTALLED = Symbol.for('trailbench.peerAddressHook');
const marks = globalThis as { [INSTALLED]?: boolean };

export function installPeerAddressHook(): void {
  if (marks[INSTALLED]) return;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? '';
  });
  marks[INSTALLED] = true;
}

/** The peer's address, or undefined when the hook is not installed in this process. */
export function peerAddress(header: (name: string) => string | null | undefined): string | undefined {
  return marks[INSTALLED] ? header(PEER_HEADER) || undefined : undefined;
}
