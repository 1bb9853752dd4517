import { getDb } from '@/lib/db';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { changeLake } from '@/lib/lake-admin/lake-calls';
import { targetOf } from '@/lib/lake-admin/target';

export const dynamic = 'force-dynamic';

export const POST = withUser<{ id: string }>(ADMINS, async ({ req, user, params }) =>
  changeLake(await getDb(), user, targetOf(req), 'StopImport', { ImportId: params.id }),
);
