import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { importDetail } from '@/lib/lake-admin/lake-calls';
import { targetOf } from '@/lib/lake-admin/target';

export const dynamic = 'force-dynamic';

/** One import's progress and its failures. */
export const GET = withUser<{ id: string }>(ANALYSTS, async ({ req, params }) => importDetail(targetOf(req), params.id));
