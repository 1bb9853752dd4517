import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { createFromTemplate, templateRequest } from '@/lib/alerts/from-template';

export const dynamic = 'force-dynamic';

/** Creates the template's saved query and a rule on it. */
export const POST = withUser<{ id: string }>(ANALYSTS, async ({ user, params, body }) =>
  createFromTemplate(await getDb(), user, params.id, templateRequest.parse(await body())),
);
