import { z } from 'zod';
import { getDb } from '@/lib/db';
import { ApiError } from '@/lib/http/errors';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { changeLake, type ChangeOperation } from '@/lib/lake-admin/lake-calls';
import { targetOf } from '@/lib/lake-admin/target';

export const dynamic = 'force-dynamic';

const ACTIONS: Record<string, ChangeOperation> = {
  delete: 'DeleteEventDataStore',
  restore: 'RestoreEventDataStore',
  'start-ingestion': 'StartEventDataStoreIngestion',
  'stop-ingestion': 'StopEventDataStoreIngestion',
  follow: 'TrailbenchSetIngestionSource',
};
const followInput = z.object({ SourceUri: z.string().min(1).max(1024).nullable(), S3BucketRegion: z.string().max(40).optional() });

/** A store action by its CloudTrail operation; `follow` takes `{SourceUri, S3BucketRegion}` (null stops following). */
export const POST = withUser<{ id: string; action: string }>(ADMINS, async ({ req, user, params, body }) => {
  const operation = Object.hasOwn(ACTIONS, params.action) ? ACTIONS[params.action] : undefined;
  if (!operation) throw new ApiError('NotFound', `No store action ${params.action}.`, 404);
  const extra = operation === 'TrailbenchSetIngestionSource' ? followInput.parse(await body()) : {};
  return changeLake(await getDb(), user, targetOf(req), operation, { EventDataStore: params.id, ...extra });
});
