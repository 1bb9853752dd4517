import { z } from 'zod';
import { getDb } from '@/lib/db';
import { ADMINS, ANALYSTS, withUser } from '@/lib/auth/with-user';
import { changeLake, importsOf } from '@/lib/lake-admin/lake-calls';
import { targetOf } from '@/lib/lake-admin/target';

export const dynamic = 'force-dynamic';

const startInput = z.object({
  destinations: z.array(z.string().min(3).max(256)).min(1).max(10),
  source: z.string().min(1).max(1024),
  bucketRegion: z.string().max(40).optional(),
  startEventTime: z.number().optional(),
  endEventTime: z.number().optional(),
});

/** Past and running imports (of one store with `?destination=`). */
export const GET = withUser(ANALYSTS, async ({ req }) => ({
  imports: await importsOf(targetOf(req), new URL(req.url).searchParams.get('destination') ?? undefined),
}));

/** StartImport into each destination (CloudTrail takes one per import). */
export const POST = withUser(ADMINS, async ({ req, user, body }) => {
  const input = startInput.parse(await body());
  const db = await getDb();
  const started = [];
  for (const destination of input.destinations) {
    started.push(
      await changeLake(db, user, targetOf(req), 'StartImport', {
        Destinations: [destination],
        ImportSource: {
          S3: {
            S3LocationUri: input.source,
            S3BucketRegion: input.bucketRegion ?? 'us-east-1',
            S3BucketAccessRoleArn: 'arn:aws:iam::123456789012:role/unused',
          },
        },
        StartEventTime: input.startEventTime,
        EndEventTime: input.endEventTime,
      }),
    );
  }
  return { imports: started };
});
