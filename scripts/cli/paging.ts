/** Every item of a paged CloudTrail list call (NextToken until there is none). */
export async function allPages<T>(page: (NextToken: string | undefined) => Promise<{ items?: T[]; NextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const p = await page(token);
    out.push(...(p.items ?? []));
    token = p.NextToken;
  } while (token);
  return out;
}
