import { NextResponse, type NextRequest } from 'next/server';
import { isPublicPage } from './lib/auth/public-pages';

/**
 * Pages need a session: without a session cookie a page request goes to /login (API routes check
 * the session themselves and answer 401; this is only the friendly redirect).
 */
export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const hasSession = req.cookies.has('next-auth.session-token') || req.cookies.has('__Secure-next-auth.session-token');
  if (hasSession || isPublicPage(pathname)) return NextResponse.next();
  const login = req.nextUrl.clone();
  login.pathname = '/login';
  login.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(login);
}

export const config = { matcher: ['/((?!api/|lake|_next/|icon.svg|favicon.ico|robots.txt).*)'] };
