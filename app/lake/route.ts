import { getLake } from '@/lib/lake';
import { handleLakeRequest } from '@/lib/lake/api/handler';

/** The built-in lake's CloudTrail endpoint (AWS JSON 1.1 + SigV4) for any AWS client. */
export const dynamic = 'force-dynamic';

async function handle(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  const res = await handleLakeRequest(await getLake(), { method: req.method, path: url.pathname, query, headers, body: await req.text() });
  return new Response(res.body, { status: res.status, headers: res.headers });
}

export { handle as POST, handle as GET };
