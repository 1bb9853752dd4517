import { z } from 'zod';
import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { clientAddress, headerGetter } from '@/lib/http/client-address';
import { changePassword } from '@/lib/auth/password-change';

export const dynamic = 'force-dynamic';

const input = z.object({ currentPassword: z.string().max(1024), newPassword: z.string() });

/** The signed-in user changes their password (the current one required); their sessions end. */
export const POST = withUser(async ({ req, user, body }) => {
  await changePassword(await getDb(), user, input.parse(await body()), clientAddress(headerGetter(req.headers)));
  return { changed: true };
});
