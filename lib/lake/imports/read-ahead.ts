/**
 * Yields `fetch(item)` for each item, in order, with up to `depth` fetches in flight ahead of the
 * consumer: reading and decompressing (the reader thread, or S3 requests) overlap the parsing.
 */
export async function* readAhead<T, R>(items: readonly T[], fetch: (item: T) => Promise<R>, depth: number): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && inFlight.length < depth) {
      const p = fetch(items[next++]);
      p.catch(() => undefined); // rejections surface when awaited; one left behind by an early stop is dropped
      inFlight.push(p);
    }
  };
  fill();
  while (inFlight.length) {
    const result = await inFlight.shift()!;
    fill();
    yield result;
  }
}
