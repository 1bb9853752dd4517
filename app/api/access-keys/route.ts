import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { createAccessKey, listAccessKeys } from '@/lib/lake-access/access-keys';

export const dynamic = 'force-dynamic';

const create = z.object({ name: z.string().trim().min(1).max(100) });

/** The signed-in user's lake access keys (`?all=1` for admins: everyone's, with owner and last use), and the region to sign for. */
export const GET = withUser(async ({ req, user }) => ({
  keys: await listAccessKeys(await getDb(), user, { all: new URL(req.url).searchParams.get('all') === '1' }),
  region: env().TRAILBENCH_LAKE_REGION,
}));

/** Creates a key for the signed-in user; the secret is in this response only. */
export const POST = withUser(async ({ user, body }) => createAccessKey(await getDb(), user, create.parse(await body()).name));
