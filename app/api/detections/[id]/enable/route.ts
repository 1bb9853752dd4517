import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { enableDetection, enableRequest } from '@/lib/detections/enable';

export const dynamic = 'force-dynamic';

/** Creates the detection's saved query and alert rule for a store (or resumes its paused rule). */
export const POST = withUser<{ id: string }>(ANALYSTS, async ({ user, params, body }) =>
  enableDetection(await getDb(), user, params.id, enableRequest.parse(await body())),
);
