import { z } from 'zod';
import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { getShares, setShares } from '@/lib/saved-queries/saved-queries';

export const dynamic = 'force-dynamic';

const input = z.object({
  everyoneRole: z.enum(['viewer', 'editor']).nullable(),
  users: z.array(z.object({ email: z.string().email(), role: z.enum(['viewer', 'editor']) })).max(500),
});

export const GET = withUser<{ id: string }>(async ({ user, params }) => getShares(await getDb(), user, params.id));
export const PUT = withUser<{ id: string }>(ANALYSTS, async ({ user, params, body }) => setShares(await getDb(), user, params.id, input.parse(await body())));
