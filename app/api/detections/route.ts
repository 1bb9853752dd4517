import { z } from 'zod';
import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { detectionCatalog } from '@/lib/detections/catalog';

export const dynamic = 'force-dynamic';

const storeParam = z.string().max(256).optional();

/** The detection library with coverage for `?storeId=`, the user's rules made from it, and the ATT&CK matrix. */
export const GET = withUser(async ({ req, user }) =>
  detectionCatalog(await getDb(), user, storeParam.parse(new URL(req.url).searchParams.get('storeId') || undefined)),
);
