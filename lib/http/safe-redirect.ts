/**
 * Where to go after sign-in: `next` only if it is a page of this site. Decided by parsing it as the
 * browser will (which reads `\` as `/` and drops tabs and newlines, so `/\evil.test` is
 * `//evil.test`), not by looking at its first characters. Runs in the browser and on the server.
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
  if (!next || !URL.canParse(next, origin)) return '/';
  const base = new URL(origin);
  const url = new URL(next, base);
  const path = url.pathname + url.search + url.hash;
  // a path starting `//` would be read as another host when used as a link again
  return url.origin === base.origin && path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
