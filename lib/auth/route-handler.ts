import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { parseJson, readBodyText } from '../http/body';
import { route } from '../http/route';
import { authOptions } from './options';

/** Sign-in forms are tiny; anything larger is not one. */
const AUTH_BODY_MAX = 64 * 1024;

/**
 * next-auth's route (/api/auth/*). next-auth reads the body itself, unbounded, and answers bad
 * JSON with a 500; so the body is read here first with a cap (413) and checked (400), and
 * next-auth gets a copy of it.
 */
export const authRoute = route(async (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => {
  let request = req;
  if (req.method === 'POST') {
    const text = await readBodyText(req, AUTH_BODY_MAX);
    if (req.headers.get('content-type')?.includes('application/json')) parseJson(text);
    const headers = new Headers(req.headers);
    headers.delete('content-length');
    headers.delete('transfer-encoding');
    request = new NextRequest(req.url, { method: 'POST', headers, body: text });
  }
  return (await NextAuth(request as never, { params: await ctx.params } as never, authOptions())) as Response;
});
