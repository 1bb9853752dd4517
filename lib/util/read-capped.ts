/**
 * A request body read with a cap: a declared Content-Length over the cap is refused before a byte
 * is read, and a body without one (chunked) is counted as it streams and dropped the moment it
 * passes the cap, so no request can make the server buffer more than the cap. `tooLarge` makes
 * the caller's own error (the API's 413, or the lake's AWS-shaped one).
 */
export async function readCappedText(req: Request, max: number, tooLarge: () => Error): Promise<string> {
  const declared = req.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= max)) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
