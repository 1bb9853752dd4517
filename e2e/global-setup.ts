import { request, type FullConfig } from '@playwright/test';

/** Browser tests act as a signed-in admin: sign in once through next-auth and keep the cookies. */
export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password-1' };
export const STORAGE_STATE = '.tmp/e2e-auth.json';

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0].use.baseURL!;
  const ctx = await request.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
  const res = await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, email: E2E_ADMIN.email, password: E2E_ADMIN.password, json: 'true' } });
  if (!res.ok()) throw new Error(`e2e sign-in failed: ${res.status()} ${await res.text()}`);
  const me = await ctx.get('/api/me');
  if (!me.ok()) throw new Error(`e2e session not established: ${me.status()}`);
  await ctx.storageState({ path: STORAGE_STATE });
  await ctx.dispose();
}
