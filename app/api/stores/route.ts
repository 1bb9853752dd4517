import { withUser } from '@/lib/auth/with-user';
import { listAllStores } from '@/lib/workbench/queries';

export const dynamic = 'force-dynamic';

/** Stores of every connection, with their connection and region; failing connections listed in `errors`. */
export const GET = withUser(() => listAllStores());
