import { LakeError } from '../errors';

/** Opaque NextTokens: an offset bound to what is being paged, so a token cannot be replayed elsewhere. */
export function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString('base64url');
}

export function decodeToken(token: string | undefined, scope: string): number {
  if (token === undefined) return 0;
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    if (v.s === scope && Number.isInteger(v.o) && (v.o as number) >= 0) return v.o as number;
  } catch {
    /* fall through */
  }
  throw new LakeError('InvalidNextTokenException', 'The NextToken is not valid for this request.');
}

export function pageOf<T>(items: T[], scope: string, token: string | undefined, max: number) {
  const start = decodeToken(token, scope);
  const page = items.slice(start, start + max);
  const next = start + max < items.length ? encodeToken(scope, start + max) : undefined;
  return { page, next };
}
