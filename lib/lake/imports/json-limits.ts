/**
 * What a failure may say about JSON that did not parse: a position and a kind, never the input.
 * V8's JSON.parse messages quote the input (`Unexpected token 'a', "…" is not valid JSON`), and
 * failure messages are shown to whoever lists an import's failures, so they are never passed on.
 */
export function jsonErrorDetail(e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  if (/^Unexpected end of JSON input/.test(message)) return ' (it ends before its JSON does)';
  const at = /\bat position (\d+)/.exec(message);
  return at ? ` at character ${at[1]}` : '';
}

/**
 * The byte offset where `bytes` first nests more than `limit` arrays and objects deep (brackets
 * in strings aside), or -1. One pass, no recursion, so any depth is safe to measure: a record
 * nested thousands deep would overflow the stack of what serialises or walks it later.
 */
export function nestingBeyond(bytes: Uint8Array, limit: number): number {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 34) {
      for (i++; i < bytes.length && bytes[i] !== 34; i++) if (bytes[i] === 92) i++;
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}
