/**
 * Signs in through next-auth's credentials endpoint, as the sign-in page does; true when a session
 * exists afterwards. Asks /api/auth/session (200 signed in or not), so a failed sign-in leaves no
 * 401 in the browser console.
 */
export async function signInWithPassword(email: string, password: string): Promise<boolean> {
  const { csrfToken } = await (await fetch('/api/auth/csrf')).json();
  const res = await fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  if (!res.ok) return false;
  const session = await (await fetch('/api/auth/session', { cache: 'no-store' })).json();
  return !!session?.user;
}
