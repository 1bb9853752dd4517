'use client';

// Which lake the lake pages are about: `?connection=<id>&region=<region>` on the page's URL (the
// built-in lake when absent). API calls and links between the pages carry it along.

export interface LakeTarget {
  connectionId?: string;
  region?: string;
}

export function currentTarget(): LakeTarget {
  if (typeof window === 'undefined') return {};
  const q = new URLSearchParams(window.location.search);
  return { connectionId: q.get('connection') ?? undefined, region: q.get('region') ?? undefined };
}

/** The query string naming a lake (plus `extra`), '' for the built-in lake with nothing extra. */
export function targetQuery(t: LakeTarget = currentTarget(), extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ ...(t.connectionId ? { connection: t.connectionId } : {}), ...(t.region ? { region: t.region } : {}), ...extra });
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A link to another lake page on the same lake. */
export function withTarget(path: string, extra: Record<string, string> = {}): string {
  return `${path}${targetQuery(currentTarget(), extra)}`;
}
