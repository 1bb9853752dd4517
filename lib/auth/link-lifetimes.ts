import type { TokenKind } from '../db/schema';

/** How long each kind of one-time link works, in hours (shared with the pages that show the links). */
export const TOKEN_HOURS: Record<TokenKind, number> = { setup: 24, invite: 7 * 24, reset: 24 };

export const lifetimeText = (kind: TokenKind) =>
  TOKEN_HOURS[kind] % 24 === 0 && TOKEN_HOURS[kind] > 24 ? `${TOKEN_HOURS[kind] / 24} days` : `${TOKEN_HOURS[kind]} hours`;
