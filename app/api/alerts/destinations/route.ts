import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { destinationInput } from '@/lib/alerts/input';
import { createDestination, listDestinations } from '@/lib/alerts/destinations';

export const dynamic = 'force-dynamic';

/** The user's destinations, URLs masked. */
export const GET = withUser(async ({ user }) => ({ destinations: await listDestinations(await getDb(), user) }));

/** A generated signing secret is in this response only. */
export const POST = withUser(ANALYSTS, async ({ user, body }) => createDestination(await getDb(), user, destinationInput.parse(await body())));
