import { z } from 'zod';
import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { disableDetection } from '@/lib/detections/enable';

export const dynamic = 'force-dynamic';

const input = z.object({ storeId: z.string().min(1).max(256) });

/** Pauses the detection's rule on a store. */
export const POST = withUser<{ id: string }>(ANALYSTS, async ({ user, params, body }) =>
  disableDetection(await getDb(), user, params.id, input.parse(await body()).storeId),
);
