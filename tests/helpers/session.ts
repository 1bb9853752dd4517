/** Signs in through next-auth's credentials endpoint like the login page does; returns a fetch bound to the session. */
export const ADMIN = { email: 'admin@example.test', password: 'admin-password-123' };

export type SessionFetch = (path: string, init?: RequestInit & { json?: unknown }) => Promise<Response>;

export async function signIn(baseUrl: string, email: string, password: string): Promise<SessionFetch> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const csrfCookie = cookiesOf(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const cookie = [csrfCookie, cookiesOf(res)].filter(Boolean).join('; ');
  if (!cookie.includes('session-token')) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return session(baseUrl, cookie);
}

export function session(baseUrl: string, cookie = ''): SessionFetch {
  return (path, init = {}) => {
    const { json, ...rest } = init;
    return fetch(`${baseUrl}${path}`, {
      ...rest,
      headers: { origin: baseUrl, ...(cookie ? { cookie } : {}), ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  };
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
