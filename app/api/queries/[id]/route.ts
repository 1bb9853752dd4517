import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { describeRun } from '@/lib/workbench/run-status';

export const dynamic = 'force-dynamic';

export const GET = withUser<{ id: string }>(async ({ user, params }) => describeRun(await getDb(), user, params.id));
