import { baseUrl, env } from './env';
import { getLake } from './built-in-lake';
import { getDb } from './db';
import { ensureFirstAdmin } from './auth/users';
import { startScheduler } from './alerts/scheduler';

export async function startServices(): Promise<void> {
  await getLake();
  const e = env();
  await ensureFirstAdmin(await getDb(), { email: e.TRAILBENCH_ADMIN_EMAIL, password: e.TRAILBENCH_ADMIN_PASSWORD, baseUrl: baseUrl() });
  startScheduler(); // alert rules run in this process
}
