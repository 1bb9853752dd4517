import { z } from 'zod';
import { getDb } from '@/lib/db';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { changeUser } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

const input = z.object({ role: z.enum(['admin', 'analyst', 'viewer']).optional(), disabled: z.boolean().optional() });

export const PATCH = withUser<{ id: string }>(ADMINS, async ({ user, params, body }) => ({
  user: await changeUser(await getDb(), user, params.id, input.parse(await body())),
}));
