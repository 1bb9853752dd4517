import { getDb } from '@/lib/db';
import { withUser } from '@/lib/http/route';
import { describeRun } from '@/lib/workbench/run-status';

export const dynamic = 'force-dynamic';

export const GET = withUser<{ id: string }>(undefined, async ({ user, params }) => describeRun(await getDb(), user, params.id));
